// ESLint (flat config) for the map page's own script; Leaflet and Folium's output are not ours.
import js from "@eslint/js";

export default [
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,  // Qt WebEngine's Chromium runs far newer; the script stays plain ES5+
      sourceType: "script",
      globals: {
        window: "readonly", document: "readonly", console: "readonly",
        setTimeout: "readonly", clearTimeout: "readonly", isFinite: "readonly",
        L: "readonly",              // Leaflet
        QWebChannel: "readonly",    // qrc:///qtwebchannel/qwebchannel.js
        qt: "readonly",             // Qt WebEngine's transport
      },
    },
    rules: {
      "no-unused-vars": ["error", { vars: "all", args: "after-used" }],
      "no-implicit-globals": "off",
      eqeqeq: "error",
      "no-var": "off",
      strict: ["error", "global"],
    },
  },
];
