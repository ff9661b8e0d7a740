/* HongTu map page API. Python calls hongtuMap.* with JSON-serialisable arguments; the page
 * answers through ONE QWebChannel object ("bridge") whose slot receive(text) takes a JSON
 * message. User text is only ever inserted with textContent, never as HTML. */
"use strict";

var hongtuMap = (function () {
  var map = null;
  var outlineLayer = null;
  var bridge = null;
  var pending = [];
  var siteLayer = null;
  var routeLayer = null;
  var baseLayer = null;
  var markers = {};      // site id -> L.marker
  var sites = {};        // site id -> site data
  var selectedId = null;
  var editingId = null;  // the site whose marker may be dragged ("correct position" mode)
  var mode = "none";     // "none" | "add_place"
  var previewMarker = null;
  var baseAttribution = null;
  var originalOutlines = null;
  var outlinesShifted = false;
  var tiles = { generation: 0, loads: 0, errors: 0, reported: false };
  var noticeBox = null;
  var noticeTimer = null;
  var TILE_ERRORS_BEFORE_FALLBACK = 6;
  var planSites = {};    // site id -> true for the sites of the open plan
  var labels = {
    estimate: "位置待核实", addStop: "加入方案", gathering: "集", inPlan: "已在方案中"
  };
  var districtLayer = null;  // district and county names (no outline is ever unnamed offline)
  var legendBox = null;
  var legendSpec = null;
  var framed = false;        // the first markers drawn are framed once; later the user's view stays
  var hoveredId = null;
  var DISTRICT_LABEL_MIN_ZOOM = 8;
  // The district outlines come with the page as data (outlineData), built into polygons and
  // drawn once the first markers have been drawn on screen (or after this long without any):
  // building them as the page loads held the first markers up by ~20 ms, and building them
  // (25-35 ms) while the window was still being made held the window up as much on two cores.
  var OUTLINES_AT_THE_LATEST_MS = 300;
  var outlinesTimer = null;
  var outlineData = null;  // () -> the page's own outlines (WGS-84), until they are built

  // work() just after the next frame is drawn (a page not on screen draws none until it is)
  function afterNextFrame(work) {
    window.requestAnimationFrame(function () { setTimeout(work, 0); });
  }

  function outlineSource() {  // the page's own outlines, kept before the first shift
    if (originalOutlines === null) { originalOutlines = outlineData(); }
    return originalOutlines;
  }

  function buildOutlines(geojson) {
    outlineData = null;
    outlineLayer.clearLayers();
    outlineLayer.addData(geojson);
  }

  function drawOutlines() {
    if (outlinesTimer !== null) { clearTimeout(outlinesTimer); outlinesTimer = null; }
    if (!outlineLayer || map.hasLayer(outlineLayer)) { return; }
    if (outlineData) { buildOutlines(outlineSource()); }
    outlineLayer.addTo(map);
    outlineLayer.bringToBack();  // below a route drawn before them
    scheduleDeclutter();  // district names may now follow their outlines into the view
  }

  function focusTheMap() {
    map.getContainer().focus({ preventScroll: true });
  }

  function send(message) {
    var text = JSON.stringify(message);
    if (bridge) { bridge.receive(text); } else { pending.push(text); }
  }

  function connectBridge() {
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined") { return; }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      pending.forEach(function (text) { bridge.receive(text); });
      pending = [];
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function markerIcon(site, selected) {
    var filtered = hiddenSites[site.id] === true;
    var box = el("div", "ht-pin ht-cat-" + site.category + (site.estimate ? " ht-estimate" : "") +
                 (selected ? " ht-selected" : "") + (site.id === editingId ? " ht-editing" : "") +
                 (filtered ? " ht-filtered" : ""));
    box.appendChild(el("span", "ht-dot"));
    return L.divIcon({ html: box, className: "ht-pin-wrap" + (filtered ? " ht-filtered-wrap" : ""),
                       iconSize: [22, 22], iconAnchor: [11, 11], popupAnchor: [0, -12],
                       tooltipAnchor: [12, 0] });
  }

  // A marker's place in the stack: the one being corrected on top (above the numbered stops,
  // 2000), a site the site list filters out below every other (dimmed, it never covers one that
  // was found), the selected one above the rest.
  function markerZ(id) {
    if (id === editingId) { return 4000; }
    if (hiddenSites[id]) { return -1000; }
    return id === selectedId ? 1000 : 0;
  }

  function popupContent(site) {
    var root = el("div", "ht-popup");
    root.appendChild(el("div", "ht-popup-title", site.name));
    if (site.district) { root.appendChild(el("div", "ht-popup-district", site.district)); }
    if (site.estimate) { root.appendChild(el("div", "ht-badge", labels.estimate)); }
    if (planSites[site.id]) { root.appendChild(el("div", "ht-badge ht-in-plan", labels.inPlan)); }
    var button = el("button", "ht-popup-add", labels.addStop);
    button.type = "button";
    button.addEventListener("click", function () { send({ type: "add_stop", id: site.id }); });
    root.appendChild(button);
    return root;
  }

  // A site's name beside its pin. Leaflet's tooltip measures its box (offsetWidth, offsetHeight)
  // each time it is placed, which forces a layout: every marker added, and every name at every
  // zoom step, laid the page out again (the first markers: ~10 ms of 15). A name's box has a
  // fixed height (.ht-tooltip in hongtu-map.css) and always starts to the right of its pin (the
  // declutter pass moves it left with a margin), so it is placed without reading the page.
  var LABEL_HEIGHT_PX = 18;
  var SiteLabel = L.Tooltip.extend({
    _setPosition: function (point) {
      var at = point.subtract(L.point(0, LABEL_HEIGHT_PX / 2, true))
        .add(L.point(this.options.offset)).add(this._getAnchor());
      L.DomUtil.addClass(this._container, "leaflet-tooltip-right");
      L.DomUtil.setPosition(this._container, at);
    }
  });

  // A site's Leaflet marker is built only when it is to be in the page (see refreshSites): the
  // page keeps every site as plain data, and with many places most of them are in a cluster or
  // out of view, so their markers would only cost time.
  function siteMarker(id) {
    if (markers[id]) { return markers[id]; }
    var site = sites[id];
    if (!site) { return null; }
    var marker = L.marker([site.lat, site.lon], {
      icon: markerIcon(site, id === selectedId), draggable: false, keyboard: true,
      title: site.name, riseOnHover: true,
      zIndexOffset: markerZ(id)
    });
    marker.bindPopup(function () { return popupContent(site); },
                     { maxWidth: 280, minWidth: 160 });
    marker.bindTooltip(new SiteLabel(
      { permanent: true, direction: "right", className: "ht-tooltip" }, marker
    ).setContent(el("span", "ht-label", site.name)));
    marker.on("add", function () {  // its name's element exists from here on
      labelClass(marker, "ht-label-selected", id === selectedId);
      labelClass(marker, "ht-label-hover", id === hoveredId);
    });
    marker.on("mouseover", function () {
      hoveredId = id; labelClass(marker, "ht-label-hover", true); scheduleDeclutter();
    });
    marker.on("mouseout", function () {
      if (hoveredId === id) { hoveredId = null; }
      labelClass(marker, "ht-label-hover", false); scheduleDeclutter();
    });
    marker.on("click", function () {  // a dimmed (filtered-out) marker takes no click
      if (!hiddenSites[id]) { send({ type: "site_clicked", id: id }); }
    });
    marker.on("dragend", function () {
      var p = marker.getLatLng();
      send({ type: "marker_dragged", id: id, lat: p.lat, lon: p.lng });
    });
    markers[id] = marker;  // put on the map by refreshSites (maybe inside a cluster)
    return marker;
  }

  function dropMarker(id) {  // the site changed or went: its marker is built again when needed
    if (markers[id]) { siteLayer.removeLayer(markers[id]); delete markers[id]; }
    delete shown[id];
  }

  // ---- many places: clusters, only what is in view, labels that do not collide, filtering ----
  // Up to CLUSTER_MIN sites every marker is drawn, as always. With more (a county's worth of
  // gathering points), below CLUSTER_OFF_ZOOM sites closer than CLUSTER_CELL pixels share one
  // numbered cluster marker, and only markers in (or near) the view are in the page at all.
  // The selected site, the one being corrected and the open plan's sites always keep their own
  // marker. Sites the site list filters out are dimmed (few sites) or left out (many); their
  // names are hidden. Clustering works on the sites' data (their points projected once, at
  // zoom 0), never on Leaflet layers, so it costs a few multiplications a site.
  var CLUSTER_MIN = 150;
  var CLUSTER_CELL = 56;
  var CLUSTER_OFF_ZOOM = 16;
  var clusterLayer = null;
  var denseMode = false;
  var hiddenSites = {};   // site id -> true: filtered out of the site list
  var shown = {};         // site id -> true: its marker is in siteLayer now
  var siteIds = [];       // every site's id, ascending
  var projected = {};     // site id -> [x, y]: its point projected at zoom 0
  var clusterCells = {};  // cell key -> its cluster marker (kept while the cell's sites stay)

  function keepsOwnMarker(id) {
    return id === selectedId || id === editingId || planSites[id] === true;
  }

  function projectSite(site) {
    var p = map.options.crs.latLngToPoint(L.latLng(site.lat, site.lon), 0);
    projected[site.id] = [p.x, p.y];
  }

  function refreshSites() {
    if (!map) { return; }
    var want = {};
    var cells = {};
    var zoom = map.getZoom();
    var crs = map.options.crs;
    var k = crs.scale(zoom) / crs.scale(0);
    var view = map.getPixelBounds();
    var padX = (view.max.x - view.min.x) * 0.25;
    var padY = (view.max.y - view.min.y) * 0.25;
    var minX = view.min.x - padX;
    var maxX = view.max.x + padX;
    var minY = view.min.y - padY;
    var maxY = view.max.y + padY;
    var clustering = zoom < CLUSTER_OFF_ZOOM;
    for (var i = 0; i < siteIds.length; i += 1) {
      var id = siteIds[i];
      if (!denseMode || keepsOwnMarker(id)) { want[id] = true; continue; }
      if (hiddenSites[id]) { continue; }
      var p = projected[id];
      var x = p[0] * k;
      var y = p[1] * k;
      if (x < minX || x > maxX || y < minY || y > maxY) { continue; }
      if (!clustering) { want[id] = true; continue; }
      var cell = Math.floor(x / CLUSTER_CELL) + ":" + Math.floor(y / CLUSTER_CELL);
      (cells[cell] = cells[cell] || []).push(id);
    }
    var groups = {};
    Object.keys(cells).forEach(function (cell) {
      if (cells[cell].length === 1) { want[cells[cell][0]] = true; }
      else { groups[zoom + "/" + cell] = cells[cell]; }
    });
    Object.keys(shown).forEach(function (id) {
      if (!want[id]) { siteLayer.removeLayer(markers[id]); delete shown[id]; }
    });
    Object.keys(want).forEach(function (id) {
      if (!shown[id]) {
        var marker = siteMarker(Number(id));
        if (marker) { siteLayer.addLayer(marker); shown[id] = true; }
      }
    });
    drawClusters(groups);
    scheduleDeclutter();
  }

  function drawClusters(groups) {
    // a cluster whose cell still holds the same sites keeps its marker: panning, filtering or
    // selecting a site redraws only the cells that changed
    Object.keys(clusterCells).forEach(function (key) {
      var old = clusterCells[key];
      var ids = groups[key];
      if (!ids || ids.join(",") !== old.options.siteIds) {
        clusterLayer.removeLayer(old);
        delete clusterCells[key];
      }
    });
    Object.keys(groups).forEach(function (key) {
      if (clusterCells[key]) { return; }
      var ids = groups[key];
      var lat = 0;
      var lon = 0;
      var south = 90;
      var west = 180;
      var north = -90;
      var east = -180;
      ids.forEach(function (id) {
        var s = sites[id];
        lat += s.lat; lon += s.lon;
        south = Math.min(south, s.lat); north = Math.max(north, s.lat);
        west = Math.min(west, s.lon); east = Math.max(east, s.lon);
      });
      var n = ids.length;
      var size = n < 10 ? 28 : (n < 100 ? 34 : 40);
      var icon = L.divIcon({ html: el("div", "ht-cluster", n), className: "ht-pin-wrap",
                             iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
      var marker = L.marker([lat / n, lon / n], { icon: icon, keyboard: false, title: String(n),
                                                 siteIds: ids.join(",") });
      marker.on("click", function () {
        var bounds = L.latLngBounds([south, west], [north, east]);
        map.fitBounds(bounds.pad(0.2), { animate: false, maxZoom: CLUSTER_OFF_ZOOM });
      });
      clusterCells[key] = marker;
      clusterLayer.addLayer(marker);
    });
  }

  function setFiltered(id, on) {
    var marker = markers[id];  // one not built yet takes the classes when it is built
    if (!marker) { return; }
    var icon = marker.options.icon.options;
    var box = icon.html;
    if (box && box.classList) { box.classList.toggle("ht-filtered", on); }
    // the marker's own element is the one that takes the mouse: a dimmed one lets it through
    icon.className = "ht-pin-wrap" + (on ? " ht-filtered-wrap" : "");
    var node = marker.getElement();
    if (node) { node.classList.toggle("ht-filtered-wrap", on); }
    marker.setZIndexOffset(markerZ(id));
  }

  // A search whose places all lie outside the view would leave an empty map (many places: the
  // others are left out): the view then moves to what was found, zooming out only as needed.
  function showSomeMatch() {
    if (!Object.keys(hiddenSites).length || !hasSize()) { return; }
    var view = map.getBounds();
    var points = [];
    for (var i = 0; i < siteIds.length; i += 1) {
      var site = sites[siteIds[i]];
      if (hiddenSites[site.id]) { continue; }
      if (view.contains([site.lat, site.lon])) { return; }  // one is in view already
      points.push([site.lat, site.lon]);
    }
    if (points.length) {
      map.fitBounds(L.latLngBounds(points).pad(0.08), { maxZoom: map.getZoom(), animate: false });
    }
  }

  function labelClass(marker, name, on) {
    var tooltip = marker.getTooltip();
    var node = tooltip ? tooltip.getElement() : null;
    if (node) { node.classList.toggle(name, on); }
  }

  // ---- labels that never collide ---------------------------------------------------------------
  // Every site is named where its name fits: labels are placed greedily (the selected site, a
  // hovered one, then the others; district names last), to the right of the pin or else to its
  // left, and a label that would overlap a control, a pin, a route marker or a label already
  // placed is hidden (visibility only, so it keeps its box for the next pass).

  function boxOf(node) {
    var r = node.getBoundingClientRect();
    return { l: r.left, t: r.top, r: r.right, b: r.bottom };
  }

  function overlaps(a, list) {
    var pad = 2;
    for (var i = 0; i < list.length; i += 1) {
      var o = list[i];
      if (a.l < o.r + pad && a.r + pad > o.l && a.t < o.b + pad && a.b + pad > o.t) { return true; }
    }
    return false;
  }

  function siteLabelOrder() {
    // only the markers in the page have names to place
    var ids = Object.keys(shown).map(Number).sort(function (a, b) { return a - b; });
    var first = [selectedId, hoveredId].filter(function (id) {
      return id !== null && shown[id] === true;
    });
    return first.concat(ids.filter(function (id) { return first.indexOf(id) < 0; }));
  }

  function declutter() {
    if (!map) { return 0; }
    districtCandidates();
    var view = boxOf(map.getContainer());
    var taken = [];
    var decisions = [];
    function onScreen(box) {  // wholly inside the map: a name cut by the edge is not readable
      return box.l >= view.l && box.r <= view.r && box.t >= view.t && box.b <= view.b;
    }
    var controls = map.getContainer().querySelectorAll(".leaflet-control, .ht-notice");
    Array.prototype.forEach.call(controls, function (node) {
      if (node.offsetWidth) { taken.push(boxOf(node)); }
    });
    var pins = {};
    Object.keys(shown).forEach(function (id) {
      var node = markers[id].getElement ? markers[id].getElement() : null;
      if (node) { pins[id] = boxOf(node); taken.push(pins[id]); }
    });
    function crowded(id) {  // a pin on top of another: a name there could not say which one
      var own = pins[id];
      return !!own && Object.keys(pins).some(function (other) {
        return Number(other) !== id && overlaps(own, [pins[other]]);
      });
    }
    routeLayer.eachLayer(function (layer) {  // the numbered stops and the gathering mark
      var node = layer instanceof L.Marker ? layer.getElement() : null;
      if (node) { taken.push(boxOf(node)); }
    });
    clusterLayer.eachLayer(function (layer) {  // a name never covers a cluster's count
      var node = layer.getElement();
      if (node) { taken.push(boxOf(node)); }
    });
    var named = 0;
    var order = siteLabelOrder();
    var nodes = order.map(function (id) {
      var tooltip = markers[id].getTooltip();
      var node = tooltip ? tooltip.getElement() : null;
      if (node) { node.style.marginLeft = ""; }
      return node;
    });
    // every name's own left margin (leaflet.css), which the one that moves it left keeps
    var first = nodes.filter(Boolean)[0];
    var margin = first ? parseFloat(window.getComputedStyle(first).marginLeft) || 0 : 0;
    order.forEach(function (id, i) {
      var node = nodes[i];
      var pin = markers[id].getElement ? markers[id].getElement() : null;
      if (!node) { return; }
      var right = boxOf(node);
      var centre = pin ? (boxOf(pin).l + boxOf(pin).r) / 2 : right.l;
      var shift = (right.r - right.l) + 2 * (right.l - centre);
      var left = { l: right.l - shift, t: right.t, r: right.r - shift, b: right.b };
      var pinned = id === selectedId || id === hoveredId;
      var box = null;
      if (!pinned && (crowded(id) || hiddenSites[id])) { box = null; }
      else if (onScreen(right) && !overlaps(right, taken)) { box = right; shift = 0; }
      else if (onScreen(left) && !overlaps(left, taken)) { box = left; }
      else if (pinned) { box = right; shift = 0; }
      if (box) { taken.push(box); named += 1; }
      decisions.push([node, box !== null, shift ? margin - shift : 0]);
    });
    var districtsOn = map.getZoom() >= DISTRICT_LABEL_MIN_ZOOM;
    if (districtLayer) {
      districtLayer.eachLayer(function (layer) {
        var wrap = layer.getElement();
        var node = wrap ? wrap.firstChild : null;
        if (!node) { return; }
        var candidates = layer.options.candidates || [layer.options.home];
        var show = false;
        for (var i = 0; districtsOn && !show && i < candidates.length; i += 1) {
          if (!layer.getLatLng().equals(candidates[i])) { layer.setLatLng(candidates[i]); }
          var box = boxOf(node);
          show = onScreen(box) && !overlaps(box, taken);
          if (show) { taken.push(box); }
        }
        if (!show && !layer.getLatLng().equals(candidates[0])) {
          layer.setLatLng(candidates[0]);
        }
        decisions.push([node, show]);
      });
    }
    decisions.forEach(function (d) {
      d[0].classList.toggle("ht-label-hidden", !d[1]);
      if (d[2]) { d[0].style.marginLeft = d[2] + "px"; }
    });
    return named;
  }

  // Placing labels reads their boxes, which forces a layout: after a change it is done once,
  // just before the next frame is drawn (when the browser lays out anyway), never inside the
  // call that made the change (e.g. setSites, whose return is the "map ready" moment).
  var declutterFrame = null;

  function scheduleDeclutter() {
    if (declutterFrame !== null) { return; }
    declutterFrame = window.requestAnimationFrame(function () {
      declutterFrame = null;
      declutter();
    });
  }

  // Readers of the labels' state (tests) see it as the next frame will draw it.
  function flushDeclutter() {
    if (declutterFrame === null) { return; }
    window.cancelAnimationFrame(declutterFrame);
    declutterFrame = null;
    declutter();
  }

  function labelReport() {
    declutter();
    var named = [];
    var hidden = [];
    siteLabelOrder().forEach(function (id) {
      var tooltip = markers[id].getTooltip();
      var node = tooltip ? tooltip.getElement() : null;
      if (node) { (node.classList.contains("ht-label-hidden") ? hidden : named).push(id); }
    });
    var districts = [];
    var points = {};
    var shownAt = {};
    var boxes = [];
    var current = siteLabelOrder().map(function (id) {
      var tooltip = markers[id].getTooltip();
      return tooltip ? tooltip.getElement() : null;
    });
    if (districtLayer) {
      districtLayer.eachLayer(function (layer) {
        var wrap = layer.getElement();
        var node = wrap ? wrap.firstChild : null;
        var p = layer.options.home;  // its own point (it may be following the view)
        if (node) { points[node.textContent] = [p.lat, p.lng]; }
        if (node && !node.classList.contains("ht-label-hidden")) {
          districts.push(node.textContent);
          var at = layer.getLatLng();
          shownAt[node.textContent] = [at.lat, at.lng];
        }
        current.push(node);
      });
    }
    current.forEach(function (node) {  // (a removed marker's label may still be fading out)
      if (node && !node.classList.contains("ht-label-hidden")) {
        var b = boxOf(node);
        boxes.push([b.l, b.t, b.r, b.b]);
      }
    });
    return { named: named, hidden: hidden, districts: districts, districtPoints: points,
             districtsAt: shownAt, boxes: boxes };
  }

  // ---- district names and the legend -------------------------------------------------------------

  function districtMarker(item) {
    var icon = L.divIcon({ html: el("div", "ht-district-label", item.name),
                           className: "ht-district-wrap", iconSize: null });
    return L.marker([item.lat, item.lon], { icon: icon, interactive: false, keyboard: false,
                                            pane: "htDistrictLabels", districtName: item.name,
                                            home: L.latLng(item.lat, item.lon) });
  }

  // A name's own point lies deep inside its district, so at street zooms it is usually off
  // screen. From DISTRICT_FOLLOW_ZOOM on, a district that is in view but whose point is not gets
  // its name at one of a grid of points of the view around which the whole name fits inside
  // the district: the most central first, the next ones if a site's name is already there.
  var DISTRICT_FOLLOW_ZOOM = 12;

  function ringsOf(latlngs) {
    if (!latlngs.length) { return []; }
    if (latlngs[0] instanceof L.LatLng) { return [latlngs]; }
    return latlngs.reduce(function (all, part) { return all.concat(ringsOf(part)); }, []);
  }

  function insideRings(rings, lat, lng) {  // even-odd over every ring: holes and parts alike
    var inside = false;
    rings.forEach(function (ring) {
      for (var i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
        var a = ring[i];
        var b = ring[j];
        if ((a.lat > lat) !== (b.lat > lat) &&
            lng < a.lng + (lat - a.lat) * (b.lng - a.lng) / (b.lat - a.lat)) {
          inside = !inside;
        }
      }
    });
    return inside;
  }

  function districtCandidates() {
    if (!districtLayer) { return; }
    var view = map.getBounds();
    var follow = map.getZoom() >= DISTRICT_FOLLOW_ZOOM;
    var size = map.getSize();
    var outlines = {};
    if (outlineLayer) {
      outlineLayer.eachLayer(function (layer) {
        var props = layer.feature && layer.feature.properties;
        if (props && typeof props.name === "string") { outlines[props.name] = layer; }
      });
    }
    districtLayer.eachLayer(function (label) {
      var home = label.options.home;
      var candidates = [home];
      var outline = outlines[label.options.districtName];
      if (follow && outline && !view.contains(home) && view.intersects(outline.getBounds())) {
        var rings = ringsOf(outline.getLatLngs());
        // the whole name (about its box, with a margin) must lie inside, not astride a border
        var halfW = 10 * String(label.options.districtName).length + 12;
        var halfH = 16;
        var fits = function (x, y) {
          return [[0, 0], [-halfW, -halfH], [halfW, -halfH], [-halfW, halfH], [halfW, halfH]]
            .every(function (d) {
              var ll = map.containerPointToLatLng(L.point(x + d[0], y + d[1]));
              return insideRings(rings, ll.lat, ll.lng);
            });
        };
        var found = [];
        for (var gx = 1; gx < 10; gx += 1) {
          for (var gy = 1; gy < 8; gy += 1) {
            var x = size.x * gx / 10;
            var y = size.y * gy / 8;
            if (fits(x, y)) {
              var score = Math.min(gx, 10 - gx) / 10 + Math.min(gy, 8 - gy) / 8;
              found.push([score, map.containerPointToLatLng(L.point(x, y))]);
            }
          }
        }
        found.sort(function (a, b) { return b[0] - a[0]; });  // central first
        if (found.length) {
          candidates = found.slice(0, 8).map(function (f) { return f[1]; });
        }
      }
      label.options.candidates = candidates;
    });
  }

  function legendSwatch(item) {
    var kind = item.kind;
    if (kind === "category") {
      var category = /^[a-z_]+$/.test(item.category || "") ? item.category : "custom";
      var pin = el("div", "ht-pin ht-legend-pin ht-cat-" + category);
      pin.appendChild(el("span", "ht-dot"));
      return pin;
    }
    if (kind === "estimate") {
      var dashed = el("div", "ht-pin ht-legend-pin ht-legend-neutral ht-estimate");
      dashed.appendChild(el("span", "ht-dot"));
      return dashed;
    }
    if (kind === "unplaced") { return el("div", "ht-legend-unplaced", "?"); }
    if (kind === "cluster") {  // only where there are clusters (many places)
      return denseMode ? el("div", "ht-cluster ht-legend-cluster", "3") : null;
    }
    if (kind === "stop") { return el("div", "ht-stop-number ht-legend-route", "1"); }
    if (kind === "gathering") { return el("div", "ht-gather ht-legend-route", labels.gathering); }
    return null;
  }

  // On a short map (a laptop screen) the open legend would hide much of the route, so it starts
  // folded there; once the organiser opens or folds it, their choice stands.
  var LEGEND_OPEN_MIN_HEIGHT = 560;
  var legendChosen = false;

  function fitLegend() {
    if (legendChosen || !legendBox) { return; }
    legendBox.classList.toggle("ht-legend-closed", map.getSize().y < LEGEND_OPEN_MIN_HEIGHT);
  }

  function renderLegend() {
    if (!legendBox || !legendSpec) { return 0; }
    fitLegend();
    while (legendBox.firstChild) { legendBox.removeChild(legendBox.firstChild); }
    var open = !legendBox.classList.contains("ht-legend-closed");
    var toggle = el("button", "ht-legend-title", legendSpec.title || "");
    toggle.type = "button";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.addEventListener("click", function () {
      legendChosen = true;
      legendBox.classList.toggle("ht-legend-closed");
      renderLegend();
      scheduleDeclutter();
    });
    legendBox.appendChild(toggle);
    var rows = 0;
    var list = el("div", "ht-legend-items");
    (Array.isArray(legendSpec.items) ? legendSpec.items : []).forEach(function (item) {
      var swatch = item && typeof item.text === "string" ? legendSwatch(item) : null;
      if (!swatch) { return; }
      var row = el("div", "ht-legend-row");
      var cell = el("span", "ht-legend-swatch");
      cell.appendChild(swatch);
      row.appendChild(cell);
      row.appendChild(el("span", "ht-legend-text", item.text));
      list.appendChild(row);
      rows += 1;
    });
    legendBox.appendChild(list);
    return rows;
  }

  function addLegendControl() {
    var Legend = L.Control.extend({
      options: { position: "bottomright" },
      onAdd: function () {
        legendBox = el("div", "ht-legend leaflet-bar");
        L.DomEvent.disableClickPropagation(legendBox);
        L.DomEvent.disableScrollPropagation(legendBox);
        renderLegend();
        return legendBox;
      }
    });
    new Legend().addTo(map);
    map.on("resize", function () {
      if (!legendChosen) { renderLegend(); }
    });
  }

  // A page loaded before its window is shown (start-up) has no size yet: a view framed then
  // would be framed for 0×0 pixels, so the frame waits until the map has a size.
  var frameWhenSized = null;

  function hasSize() {
    var size = map.getSize();
    return size.x > 0 && size.y > 0;
  }

  function frameOnceSized() {
    if (frameWhenSized === null || !hasSize()) { return; }
    var bounds = frameWhenSized;
    frameWhenSized = null;
    map.fitBounds(bounds, { maxZoom: 15, animate: false });
  }

  function frameBounds(points) {
    // as the page's opening view (core/mappage.py): when that already frames these points (the
    // catalogue's), the view is left alone and nothing is projected a second time
    if (!points.length) { return 0; }
    var bounds = L.latLngBounds(points).pad(0.08);
    if (!hasSize()) {
      frameWhenSized = bounds;
      return points.length;
    }
    var target = map._getBoundsCenterZoom(bounds, { maxZoom: 15 });
    var here = map.latLngToContainerPoint(map.getCenter());
    if (target.zoom !== map.getZoom() ||
        map.latLngToContainerPoint(target.center).distanceTo(here) >= 1) {
      map.fitBounds(bounds, { maxZoom: 15, animate: false });
    }
    return points.length;
  }

  function frameAllSites() {
    return frameBounds(siteIds.map(function (id) { return [sites[id].lat, sites[id].lon]; }));
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = String(text);
    return div.innerHTML;
  }

  function setAttributionText(text) {
    if (baseAttribution !== null) { map.attributionControl.removeAttribution(baseAttribution); }
    baseAttribution = text ? escapeHtml(text) : null;
    if (baseAttribution !== null) { map.attributionControl.addAttribution(baseAttribution); }
  }

  function removeBaseLayer() {
    tiles.generation += 1;
    if (baseLayer) { map.removeLayer(baseLayer); }
    baseLayer = null;
  }

  function watchTiles(layer, providerId, generation) {
    layer.on("tileload", function () {
      if (generation === tiles.generation) { tiles.loads += 1; }
    });
    layer.on("tileerror", function () {
      if (generation !== tiles.generation) { return; }
      tiles.errors += 1;
      if (!tiles.reported && tiles.loads === 0 && tiles.errors >= TILE_ERRORS_BEFORE_FALLBACK) {
        tiles.reported = true;
        removeBaseLayer();   // fall back at once: the outlines stay, nothing goes blank
        send({ type: "tiles_failed", provider: providerId });
      }
    });
  }

  function validLayerSpec(spec) {
    return spec && typeof spec.url === "string" &&
      /^(https?:\/\/|hongtu-tiles:\/\/pack\/)/.test(spec.url);
  }

  function buildBaseLayer(config) {
    var generation = tiles.generation;
    var group = L.layerGroup([], { hongtuId: config.id });
    config.layers.filter(validLayerSpec).forEach(function (spec) {
      var layer = L.tileLayer(spec.url, {
        subdomains: spec.subdomains && spec.subdomains.length ? spec.subdomains : "abc",
        maxZoom: spec.maxZoom || 18, hongtuId: config.id,
        maxNativeZoom: typeof spec.maxNativeZoom === "number" ? spec.maxNativeZoom : undefined,
        minZoom: typeof spec.minZoom === "number" ? spec.minZoom : 0,
        bounds: Array.isArray(spec.bounds) && spec.bounds.length === 2 ?
          L.latLngBounds(spec.bounds) : undefined
      });
      watchTiles(layer, config.id, generation);
      group.addLayer(layer);
    });
    return group;
  }

  function showNoticeText(text, ms) {
    if (!noticeBox) {
      noticeBox = el("div", "ht-notice");
      noticeBox.setAttribute("role", "status");
      map.getContainer().appendChild(noticeBox);
      L.DomEvent.disableClickPropagation(noticeBox);
    }
    noticeBox.textContent = String(text);
    noticeBox.style.display = text ? "block" : "none";
    if (noticeTimer) { clearTimeout(noticeTimer); }
    if (text && ms > 0) {
      noticeTimer = setTimeout(function () { noticeBox.style.display = "none"; }, ms);
    }
  }

  var route_ = { gathering: null, gatheringMarker: null, stops: {}, line: null, returns: false };

  function validPoint(p) {
    return !!p && typeof p.lat === "number" && typeof p.lon === "number" &&
      isFinite(p.lat) && isFinite(p.lon);
  }

  function orderedStops() {
    return Object.keys(route_.stops).map(function (id) { return route_.stops[id]; })
      .sort(function (a, b) { return a.data.number - b.data.number; });
  }

  function routePoints() {
    var points = [];
    if (route_.gathering) { points.push([route_.gathering.lat, route_.gathering.lon]); }
    orderedStops().forEach(function (entry) { points.push([entry.data.lat, entry.data.lon]); });
    return points;
  }

  // setSites takes a list of sites, or (many places, from Python) one list per field:
  // {id: [...], name: [...], ...}, every list as long as the ids; anything else is no sites.
  var SITE_FIELDS = ["id", "name", "district", "category", "lat", "lon", "estimate"];

  function siteList(payload) {
    if (Array.isArray(payload)) { return payload; }
    if (!payload || typeof payload !== "object" || !Array.isArray(payload.id)) { return []; }
    var n = payload.id.length;
    var whole = SITE_FIELDS.every(function (field) {
      return Array.isArray(payload[field]) && payload[field].length === n;
    });
    if (!whole) { return []; }
    var list = new Array(n);
    for (var i = 0; i < n; i += 1) {
      list[i] = { id: payload.id[i], name: payload.name[i], district: payload.district[i],
                  category: payload.category[i], lat: payload.lat[i], lon: payload.lon[i],
                  estimate: payload.estimate[i] };
    }
    return list;
  }

  function validSite(s) {
    return s && typeof s.id === "number" && typeof s.lat === "number" &&
      typeof s.lon === "number" && isFinite(s.lat) && isFinite(s.lon);
  }

  return {
    openAt: function (leafletMap, bounds, maxZoom) {
      // the page's opening view (core/mappage.py), before any layer is drawn
      map = leafletMap;
      if (hasSize()) {
        map.fitBounds(bounds, { maxZoom: maxZoom, animate: false });
      } else {
        frameWhenSized = bounds;
      }
    },
    districtOutlines: function (style, data) {
      // the outlines' layer, empty until drawOutlines builds it from data()
      outlineData = data;
      return L.geoJSON(null, {
        style: function () { return style; },
        onEachFeature: function (feature, layer) {
          var name = feature.properties && feature.properties.name;
          if (typeof name === "string") {
            layer.bindTooltip(el("span", null, name), { sticky: true, className: "ht-outline-name" });
          }
          // The name's focus listeners make Chromium give the outline focus on a click, and
          // draw its focus ring round the whole district (a long line across the map): an
          // outline is background, so the focus goes on to the map itself.
          layer.on("add", function () {
            var path = layer.getElement();
            if (path) { path.addEventListener("focus", focusTheMap); }
          });
        }
      });
    },
    init: function (leafletMap, outlines) {
      map = leafletMap;
      outlineLayer = outlines;
      outlinesTimer = setTimeout(drawOutlines, OUTLINES_AT_THE_LATEST_MS);
      clusterLayer = L.layerGroup().addTo(map);
      siteLayer = L.layerGroup().addTo(map);
      routeLayer = L.layerGroup().addTo(map);
      map.attributionControl.setPrefix(false);
      L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
      map.createPane("htDistrictLabels");
      map.getPane("htDistrictLabels").style.zIndex = 450;  // above outlines, below markers
      districtLayer = L.layerGroup().addTo(map);
      addLegendControl();
      map.on("resize", frameOnceSized);
      map.on("moveend resize", refreshSites);  // re-cluster, then place the names
      map.on("click", function (e) {
        send({ type: "map_clicked", lat: e.latlng.lat, lon: e.latlng.lng });
      });
      connectBridge();
      send({ type: "ready" });
    },
    setLabels: function (newLabels) {
      Object.keys(labels).forEach(function (k) {
        if (typeof newLabels[k] === "string") { labels[k] = newLabels[k]; }
      });
      renderLegend();  // the gathering mark in the legend is one of these words
      return true;
    },
    setPlanSites: function (ids) {
      planSites = {};
      (Array.isArray(ids) ? ids : []).forEach(function (id) {
        if (typeof id === "number") { planSites[id] = true; }
      });
      if (denseMode) { refreshSites(); }  // the plan's sites never hide inside a cluster
      return Object.keys(planSites).length;
    },
    popupText: function (id) {
      // read-only, for tests: the text the site's popup shows when it opens
      return sites[id] ? popupContent(sites[id]).textContent : null;
    },
    setSites: function (list) {
      // Every site is kept as data at once; the markers of those in the page (all of them up
      // to CLUSTER_MIN, else those near the view and not in a cluster) are built by
      // refreshSites. The count returned is every site the page has (the "map ready" figure).
      siteLayer.clearLayers();
      markers = {};
      sites = {};
      shown = {};
      projected = {};
      var valid = siteList(list).filter(validSite);
      var wasDense = denseMode;
      denseMode = valid.length >= CLUSTER_MIN;
      if (denseMode !== wasDense) { renderLegend(); }  // its clusters' row comes and goes
      if (!framed && valid.length) {  // frame first: the markers are then placed only once
        framed = true;
        frameBounds(valid.map(function (s) { return [s.lat, s.lon]; }));
      }
      valid.forEach(function (site) {
        sites[site.id] = site;
        projectSite(site);
      });
      siteIds = Object.keys(sites).map(Number).sort(function (a, b) { return a - b; });
      refreshSites();
      if (outlinesTimer !== null) { afterNextFrame(drawOutlines); }
      return siteIds.length;
    },
    updateSite: function (site) {
      if (!validSite(site)) { return false; }
      dropMarker(site.id);
      if (!sites[site.id]) {
        siteIds.push(site.id);
        siteIds.sort(function (a, b) { return a - b; });
      }
      sites[site.id] = site;
      projectSite(site);
      refreshSites();
      return true;
    },
    removeSite: function (id) {
      dropMarker(id);
      if (sites[id]) { siteIds = siteIds.filter(function (other) { return other !== id; }); }
      delete sites[id];
      delete projected[id];
      refreshSites();
      return true;
    },
    setDistrictLabels: function (list) {
      districtLayer.clearLayers();
      (Array.isArray(list) ? list : []).forEach(function (item) {
        if (item && typeof item.name === "string" && typeof item.lat === "number" &&
            typeof item.lon === "number" && isFinite(item.lat) && isFinite(item.lon)) {
          districtMarker(item).addTo(districtLayer);
        }
      });
      scheduleDeclutter();
      return districtLayer.getLayers().length;
    },
    setLegend: function (spec) {
      legendSpec = spec && typeof spec === "object" ? spec : null;
      return renderLegend();
    },
    labelState: function () {
      return JSON.stringify(labelReport());
    },
    hideSites: function (change) {
      // the site list's filter changed: {hide: [ids], show: [ids]}, only the difference
      change = change || {};
      (Array.isArray(change.hide) ? change.hide : []).forEach(function (id) {
        hiddenSites[id] = true; setFiltered(id, true);
      });
      (Array.isArray(change.show) ? change.show : []).forEach(function (id) {
        delete hiddenSites[id]; setFiltered(id, false);
      });
      refreshSites();
      showSomeMatch();
      return Object.keys(hiddenSites).length;
    },
    highlight: function (id, centre) {
      var previous = selectedId;
      selectedId = id;
      [previous, id].forEach(function (sid) {
        if (sid !== null && markers[sid]) {  // (one not built yet is built as it now is)
          markers[sid].setIcon(markerIcon(sites[sid], sid === selectedId));
          markers[sid].setZIndexOffset(markerZ(sid));
          labelClass(markers[sid], "ht-label-selected", sid === selectedId);
        }
      });
      if (centre && sites[id]) {
        map.panTo(markers[id] ? markers[id].getLatLng() : [sites[id].lat, sites[id].lon],
                  { animate: false });
      }
      refreshSites();  // the selected site leaves its cluster; names re-placed
      return sites[id] !== undefined;
    },
    setDraggable: function (id, draggable) {
      if (!sites[id]) { return false; }
      if (draggable) {
        if (editingId !== null && editingId !== id) { hongtuMap.setDraggable(editingId, false); }
        editingId = id;
      } else if (editingId === id) {
        editingId = null;
      }
      if (denseMode) { refreshSites(); }  // the marker being corrected is always on the map
      var m = siteMarker(id);
      if (!m.dragging) { return false; }
      m.setIcon(markerIcon(sites[id], id === selectedId));
      // above the numbered stop markers (2000) while it is being corrected, so a site that is
      // in the open plan can be grabbed like any other
      m.setZIndexOffset(markerZ(id));
      if (draggable) { m.dragging.enable(); } else { m.dragging.disable(); }
      return true;
    },
    moveMarker: function (id, lat, lon, pan) {
      var m = markers[id];
      if (!m || typeof lat !== "number" || typeof lon !== "number") { return false; }
      m.setLatLng([lat, lon]);
      if (pan) { map.panTo([lat, lon], { animate: false }); }
      return true;
    },
    markerOnTop: function (id) {
      // read-only, for tests: is the site's marker what a mouse press at its centre would grab?
      var m = markers[id];
      if (!m || !m._icon) { return false; }
      var box = m._icon.getBoundingClientRect();
      var hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return !!hit && (hit === m._icon || m._icon.contains(hit));
    },
    markerLatLng: function (id) {
      // where the site is drawn: its marker's point (maybe being dragged), else its own
      if (markers[id]) {
        var p = markers[id].getLatLng();
        return JSON.stringify([p.lat, p.lng]);
      }
      return sites[id] ? JSON.stringify([sites[id].lat, sites[id].lon]) : "null";
    },
    setBaseMap: function (config) {
      removeBaseLayer();
      tiles.loads = 0; tiles.errors = 0; tiles.reported = false;
      var layers = config && Array.isArray(config.layers) ? config.layers : [];
      setAttributionText(config && typeof config.attribution === "string" ? config.attribution : "");
      if (layers.length) {
        baseLayer = buildBaseLayer(config);
        baseLayer.addTo(map);
        baseLayer.eachLayer(function (layer) { layer.bringToBack(); });
      }
      return baseLayer ? baseLayer.options.hongtuId : null;
    },
    setOutlines: function (geojson) {
      if (!outlineLayer) { return 0; }
      var own = outlineSource();  // kept before the first shift replaces the layers
      buildOutlines(geojson || own);
      outlinesShifted = !!geojson;
      return outlineLayer.getLayers().length;
    },
    setMode: function (newMode) {
      mode = newMode === "add_place" ? "add_place" : "none";
      var box = map.getContainer();
      if (mode === "add_place") { box.classList.add("ht-add-mode"); }
      else { box.classList.remove("ht-add-mode"); }
      return mode;
    },
    setPreview: function (point, pan) {
      if (previewMarker) { map.removeLayer(previewMarker); previewMarker = null; }
      if (!point || typeof point.lat !== "number" || typeof point.lon !== "number") { return false; }
      var icon = L.divIcon({ html: el("div", "ht-preview"), className: "ht-pin-wrap",
                             iconSize: [26, 26], iconAnchor: [13, 13] });
      previewMarker = L.marker([point.lat, point.lon],
                               { icon: icon, draggable: true, zIndexOffset: 3000 }).addTo(map);
      previewMarker.on("dragend", function () {
        var p = previewMarker.getLatLng();
        send({ type: "preview_moved", lat: p.lat, lon: p.lng });
      });
      if (pan) { map.panTo([point.lat, point.lon], { animate: false }); }
      return true;
    },
    showNotice: function (text, ms) {
      showNoticeText(typeof text === "string" ? text : "", typeof ms === "number" ? ms : 0);
      return true;
    },
    tileStats: function () {
      return JSON.stringify({ loads: tiles.loads, errors: tiles.errors, reported: tiles.reported });
    },
    setRoute: function (route) {
      // the whole route at once (first draw, a base-map switch): clear, then patch everything
      routeLayer.clearLayers();
      route_ = { gathering: null, gatheringMarker: null, stops: {}, line: null, returns: false };
      var stops = (route && route.stops) || [];
      return hongtuMap.patchRoute({
        gathering: route ? route.gathering || null : null,
        returns: !!(route && route.returns),
        upsert: stops.map(function (s) {
          var copy = {};
          Object.keys(s).forEach(function (k) { copy[k] = s[k]; });
          if (copy.id === undefined) { copy.id = "#" + s.number; }
          return copy;
        }),
        fit: !!(route && route.fit)
      });
    },
    patchRoute: function (patch) {
      // Only what changed: stops matched by id are removed, added, moved or renumbered; the
      // line is rebuilt from the markers (cheap), never re-sent.
      patch = patch || {};
      if ("gathering" in patch) {
        if (route_.gatheringMarker) { routeLayer.removeLayer(route_.gatheringMarker); }
        route_.gatheringMarker = null;
        route_.gathering = validPoint(patch.gathering) ? patch.gathering : null;
        if (route_.gathering) {
          var g = route_.gathering;
          var gIcon = L.divIcon({ html: el("div", "ht-gather", labels.gathering),
                                  className: "ht-pin-wrap", iconSize: [24, 24],
                                  iconAnchor: [12, 12] });
          route_.gatheringMarker = L.marker([g.lat, g.lon], { icon: gIcon, title: g.name })
            .addTo(routeLayer);
        }
      }
      if ("returns" in patch) { route_.returns = !!patch.returns; }
      (patch.remove || []).forEach(function (id) {
        var old = route_.stops[id];
        if (old) { routeLayer.removeLayer(old.marker); delete route_.stops[id]; }
      });
      (patch.upsert || []).forEach(function (s) {
        if (!s || s.id === undefined || !validPoint(s)) { return; }
        var old = route_.stops[s.id];
        if (old && old.data.number === s.number && old.data.name === s.name &&
            (old.data.problem || null) === (s.problem || null)) {
          old.marker.setLatLng([s.lat, s.lon]);
          old.data = s;
          return;
        }
        if (old) { routeLayer.removeLayer(old.marker); }
        var cls = "ht-stop-number" + (s.problem ? " ht-stop-" + s.problem : "");
        var icon = L.divIcon({ html: el("div", cls, s.number),
                               className: "ht-pin-wrap", iconSize: [24, 24],
                               iconAnchor: [12, 12] });
        var marker = L.marker([s.lat, s.lon], { icon: icon, title: s.name, zIndexOffset: 2000 })
          .addTo(routeLayer);
        route_.stops[s.id] = { data: s, marker: marker };
      });
      var points = routePoints();
      var linePoints = points.slice();
      if (route_.returns && route_.gathering && linePoints.length > 1) {
        linePoints.push(linePoints[0]);
      }
      if (linePoints.length > 1) {
        if (route_.line) { route_.line.setLatLngs(linePoints); }
        else {
          route_.line = L.polyline(linePoints, { color: "#c0392b", weight: 4, opacity: 0.85 })
            .addTo(routeLayer);
        }
      } else if (route_.line) {
        routeLayer.removeLayer(route_.line);
        route_.line = null;
      }
      var moved = patch.fit || "gathering" in patch || (patch.upsert || []).length > 0;
      if (moved && points.length) {
        var view = map.getBounds();
        var outside = points.some(function (p) { return !view.contains(p); });
        if (patch.fit || outside) {  // never leave a stop off-screen
          map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: 15, animate: false });
        }
      }
      scheduleDeclutter();
      return points.length;
    },
    routeSummary: function () {
      // read-only, for tests: the drawn route's stop markers (titles, numbers) and line, in order
      var stops = orderedStops().map(function (entry) {
        return { name: entry.marker.options.title, number: String(entry.data.number),
                 problem: entry.data.problem || null };
      });
      var line = route_.line
        ? route_.line.getLatLngs().map(function (p) { return [p.lat, p.lng]; }) : [];
      var gathering = route_.gatheringMarker ? route_.gatheringMarker.options.title : null;
      return JSON.stringify({ gathering: gathering, stops: stops, line: line,
                              layers: routeLayer.getLayers().length });
    },
    labelBoxes: function () {
      // for tests: the screen boxes of the site names shown once pending placement is done
      flushDeclutter();
      var boxes = [];
      document.querySelectorAll(".leaflet-tooltip-pane .ht-tooltip").forEach(function (node) {
        var style = window.getComputedStyle(node);
        if (style.display === "none" || style.visibility === "hidden" || style.opacity === "0") {
          return;  // hidden, or leaving
        }
        var r = node.getBoundingClientRect();
        boxes.push([r.left, r.top, r.right, r.bottom, node.textContent]);
      });
      return JSON.stringify(boxes);
    },
    sitesInPage: function () {
      // read-only, for tests: the sites whose own marker is in the page now
      return JSON.stringify(Object.keys(shown).map(Number));
    },
    fitAll: function () {
      return frameAllSites();
    },
    setView: function (lat, lon, zoom) {
      if (typeof lat !== "number" || typeof lon !== "number" || typeof zoom !== "number") {
        return false;
      }
      map.setView([lat, lon], zoom, { animate: false });
      scheduleDeclutter();
      return true;
    },
    state: function () {
      var c = map.getCenter();
      return JSON.stringify({
        markers: siteIds.length,  // every site the page has, in a marker or a cluster
        markerIds: siteIds.slice(),
        markersBuilt: Object.keys(markers).length,
        selected: selectedId,
        center: [c.lat, c.lng],
        zoom: map.getZoom(),
        size: [map.getSize().x, map.getSize().y],  // as Leaflet last measured the view
        routeLayers: routeLayer.getLayers().length,
        dense: denseMode,
        sitesInPage: Object.keys(shown).length,
        clusters: clusterLayer.getLayers().length,
        clusteredSites: clusterLayer.getLayers().reduce(function (n, layer) {
          return n + Number(layer.options.title);
        }, 0),
        hidden: Object.keys(hiddenSites).map(Number),
        dimmedInDom: document.querySelectorAll(".leaflet-marker-pane .ht-pin.ht-filtered").length,
        labelsShown: document.querySelectorAll(
          ".leaflet-tooltip-pane .ht-tooltip:not(.ht-label-hidden)").length,
        outlines: outlineLayer ? outlineLayer.getLayers().length : 0,
        outlinesInDom: outlineLayer ? outlineLayer.getLayers().filter(function (l) {
          return !!(l._path && l._path.isConnected);
        }).length : 0,
        outlinesBelowRoute: (function () {  // every outline path before the route's line
          var line = route_.line && route_.line._path;
          if (!line || !outlineLayer) { return null; }
          return outlineLayer.getLayers().every(function (l) {
            return !!(l._path && (l._path.compareDocumentPosition(line) &
                                  document.DOCUMENT_POSITION_FOLLOWING));
          });
        })(),
        baseMap: baseLayer ? baseLayer.options.hongtuId : null,
        baseLayers: baseLayer ? baseLayer.getLayers().length : 0,
        tileLayersInMap: (function () {
          var n = 0;
          map.eachLayer(function (l) { if (l instanceof L.TileLayer) { n += 1; } });
          return n;
        })(),
        attribution: map.attributionControl.getContainer().textContent,
        outlinesShifted: outlinesShifted,
        mode: mode,
        editing: editingId,
        preview: previewMarker ? [previewMarker.getLatLng().lat, previewMarker.getLatLng().lng]
                               : null,
        notice: noticeBox && noticeBox.style.display !== "none" ? noticeBox.textContent : "",
        bounds: (function () {
          var b = map.getBounds();
          return [b.getSouth(), b.getWest(), b.getNorth(), b.getEast()];
        })(),
        districtLabels: districtLayer ? districtLayer.getLayers().length : 0,
        legend: legendBox ? Array.prototype.map.call(
          legendBox.querySelectorAll(".ht-legend-text"), function (n) { return n.textContent; })
          : [],
        pinsInDom: document.querySelectorAll(".leaflet-marker-pane .ht-pin").length
      });
    },
    clickMarker: function (id) {
      var marker = siteMarker(id);
      if (!marker) { return false; }
      marker.fire("click");
      return true;
    }
  };
})();
