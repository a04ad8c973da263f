// Point picker for the demand form: a Leaflet map (served at /lib/leaflet) that writes the clicked point, in WGS-84,
// into the latitude and longitude inputs. The tile source comes from the element's data attributes (configurable,
// WGS-84 tiles such as OpenStreetMap or Tianditu; GCJ-02 sources would need a conversion here, at the map's edge).
(function () {
  function init() {
    var el = document.getElementById('map-picker');
    if (!el || el.dataset.ready || !window.L) return;
    el.dataset.ready = '1';
    var lat = document.getElementById('lat'), lng = document.getElementById('long');
    var typed = lat.value && lng.value;
    var start = typed ? [parseFloat(lat.value), parseFloat(lng.value)] : [parseFloat(el.dataset.lat), parseFloat(el.dataset.lng)];
    var map = L.map(el).setView(start, 15);
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
    var marker = null;
    function place(p) {
      if (marker) marker.setLatLng(p); else marker = L.circleMarker(p, { radius: 9, color: '#c0392b', weight: 3 }).addTo(map);
      lat.value = p.lat.toFixed(6);
      lng.value = p.lng.toFixed(6);
    }
    if (typed) place(L.latLng(start));
    map.on('click', function (e) { place(e.latlng); });
    el.classList.add('ready');
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
