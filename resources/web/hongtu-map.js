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
  var labels = {
    estimate: "位置待核实", addStop: "加入方案", gathering: "集"
  };

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
    var box = el("div", "ht-pin ht-cat-" + site.category + (site.estimate ? " ht-estimate" : "") +
                 (selected ? " ht-selected" : ""));
    box.appendChild(el("span", "ht-dot"));
    return L.divIcon({ html: box, className: "ht-pin-wrap", iconSize: [22, 22],
                       iconAnchor: [11, 11], popupAnchor: [0, -12], tooltipAnchor: [12, 0] });
  }

  function popupContent(site) {
    var root = el("div", "ht-popup");
    root.appendChild(el("div", "ht-popup-title", site.name));
    if (site.district) { root.appendChild(el("div", "ht-popup-district", site.district)); }
    if (site.estimate) { root.appendChild(el("div", "ht-badge", labels.estimate)); }
    var button = el("button", "ht-popup-add", labels.addStop);
    button.type = "button";
    button.addEventListener("click", function () { send({ type: "add_stop", id: site.id }); });
    root.appendChild(button);
    return root;
  }

  function addSiteMarker(site) {
    var marker = L.marker([site.lat, site.lon], {
      icon: markerIcon(site, site.id === selectedId), draggable: false, keyboard: true,
      title: site.name, riseOnHover: true
    });
    marker.bindPopup(function () { return popupContent(site); },
                     { maxWidth: 280, minWidth: 160 });
    marker.bindTooltip(el("span", "ht-label", site.name),
                       { permanent: true, direction: "right", className: "ht-tooltip" });
    marker.on("click", function () { send({ type: "site_clicked", id: site.id }); });
    marker.on("dragend", function () {
      var p = marker.getLatLng();
      send({ type: "marker_dragged", id: site.id, lat: p.lat, lon: p.lng });
    });
    marker.addTo(siteLayer);
    markers[site.id] = marker;
  }

  function validSite(s) {
    return s && typeof s.id === "number" && typeof s.lat === "number" &&
      typeof s.lon === "number" && isFinite(s.lat) && isFinite(s.lon);
  }

  return {
    init: function (leafletMap, outlines) {
      map = leafletMap;
      outlineLayer = outlines;
      siteLayer = L.layerGroup().addTo(map);
      routeLayer = L.layerGroup().addTo(map);
      map.attributionControl.setPrefix(false);
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
      return true;
    },
    setSites: function (list) {
      siteLayer.clearLayers();
      markers = {};
      sites = {};
      list.filter(validSite).forEach(function (site) {
        sites[site.id] = site;
        addSiteMarker(site);
      });
      return Object.keys(markers).length;
    },
    updateSite: function (site) {
      if (!validSite(site)) { return false; }
      if (markers[site.id]) { siteLayer.removeLayer(markers[site.id]); }
      sites[site.id] = site;
      addSiteMarker(site);
      return true;
    },
    removeSite: function (id) {
      if (markers[id]) { siteLayer.removeLayer(markers[id]); delete markers[id]; }
      delete sites[id];
      return true;
    },
    highlight: function (id, centre) {
      var previous = selectedId;
      selectedId = id;
      [previous, id].forEach(function (sid) {
        if (sid !== null && markers[sid]) {
          markers[sid].setIcon(markerIcon(sites[sid], sid === selectedId));
          markers[sid].setZIndexOffset(sid === selectedId ? 1000 : 0);
        }
      });
      if (centre && markers[id]) {
        map.panTo(markers[id].getLatLng(), { animate: false });
      }
      return markers[id] !== undefined;
    },
    setDraggable: function (id, draggable) {
      var m = markers[id];
      if (!m || !m.dragging) { return false; }
      if (draggable) { m.dragging.enable(); } else { m.dragging.disable(); }
      return true;
    },
    setRoute: function (route) {
      routeLayer.clearLayers();
      var points = [];
      if (route.gathering) {
        var g = route.gathering;
        var gIcon = L.divIcon({ html: el("div", "ht-gather", labels.gathering),
                                className: "ht-pin-wrap", iconSize: [24, 24], iconAnchor: [12, 12] });
        L.marker([g.lat, g.lon], { icon: gIcon, title: g.name }).addTo(routeLayer);
        points.push([g.lat, g.lon]);
      }
      (route.stops || []).forEach(function (s) {
        if (typeof s.lat !== "number" || typeof s.lon !== "number") { return; }
        var icon = L.divIcon({ html: el("div", "ht-stop-number", s.number),
                               className: "ht-pin-wrap", iconSize: [24, 24],
                               iconAnchor: [12, 12] });
        L.marker([s.lat, s.lon], { icon: icon, title: s.name, zIndexOffset: 2000 })
          .addTo(routeLayer);
        points.push([s.lat, s.lon]);
      });
      if (route.returns && route.gathering && points.length > 1) { points.push(points[0]); }
      if (points.length > 1) {
        L.polyline(points, { color: "#c0392b", weight: 4, opacity: 0.85 }).addTo(routeLayer);
      }
      return points.length;
    },
    fitAll: function () {
      var bounds = [];
      Object.keys(markers).forEach(function (id) { bounds.push(markers[id].getLatLng()); });
      if (bounds.length) { map.fitBounds(L.latLngBounds(bounds).pad(0.1)); }
      return bounds.length;
    },
    state: function () {
      var c = map.getCenter();
      return JSON.stringify({
        markers: Object.keys(markers).length,
        markerIds: Object.keys(markers).map(Number),
        selected: selectedId,
        center: [c.lat, c.lng],
        zoom: map.getZoom(),
        routeLayers: routeLayer.getLayers().length,
        outlines: outlineLayer ? outlineLayer.getLayers().length : 0,
        baseMap: baseLayer ? baseLayer.options.hongtuId : null,
        pinsInDom: document.querySelectorAll(".leaflet-marker-pane .ht-pin").length
      });
    },
    clickMarker: function (id) {
      if (!markers[id]) { return false; }
      markers[id].fire("click");
      return true;
    }
  };
})();
