/*
 * The incident map's own script (part of Incidents, not vendored).
 *
 * IncidentsMap.start(map, layers, heat, config) draws incidents into one Leaflet
 * layer per event type (each holding a marker-cluster group) and the heat layer.
 * Incidents come from config.dataUrl for the visible area (the server answers with
 * one feature per incident, or grid cells when too many are in view), or from
 * config.features embedded in a static page. A time slider narrows the dates.
 *
 * Nothing from the data becomes markup here except each feature's popup and tooltip
 * HTML, which the server escaped (maps/popup.py); other values are used as numbers,
 * or set as text.
 */
(function () {
    "use strict";

    var DAY = 86400000;
    var MOVE_DELAY = 150;

    function parseDay(text) {
        if (!text) {
            return null;
        }
        return Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10));
    }

    function formatDay(ms) {
        return new Date(ms).toISOString().slice(0, 10);
    }

    function cssName(value) {
        return String(value).replace(/[^a-z0-9_-]/gi, "");
    }

    function count(value) {
        var n = Number(value);
        return isFinite(n) ? n : 0;
    }

    function textNode(text) {
        var span = document.createElement("span");
        span.textContent = String(text);
        return span;
    }

    function IncidentsMap(map, layers, heat, config) {
        this.map = map;
        this.heat = heat;
        this.config = config;
        this.groups = {};
        this.sequence = 0;
        this.since = config.since;
        this.until = config.until;
        var self = this;
        Object.keys(layers).forEach(function (type) {
            var style = self.style(type);
            var cluster = L.markerClusterGroup({
                maxClusterRadius: 40,
                showCoverageOnHover: false,
                spiderfyOnMaxZoom: true,
                iconCreateFunction: function (group) {
                    return L.divIcon({
                        className: "marker-cluster type-cluster type-" + cssName(type),
                        html: '<div style="background:' + style.color + '"><span>' +
                            count(group.getChildCount()) + "</span></div>",
                        iconSize: L.point(36, 36)
                    });
                }
            });
            var cells = L.layerGroup();
            layers[type].addLayer(cluster);
            layers[type].addLayer(cells);
            self.groups[type] = {cluster: cluster, cells: cells};
        });
        this.counter = document.getElementById("incident-inview");
    }

    IncidentsMap.prototype.style = function (type) {
        return this.config.styles[type] || this.config.other;
    };

    IncidentsMap.prototype.markerIcon = function (props) {
        var style = this.style(props.type);
        var size = Math.max(20, count(props.size) + 8);
        var classes = "incident-icon" + (props.comment ? " incident-comment" : "");
        var html = '<div class="' + classes + '" style="background:' + style.color +
            ";width:" + size + "px;height:" + size + 'px">' + style.glyph + "</div>";
        if (count(props.killed) > 0) {
            html += '<span class="incident-badge">' + count(props.killed) + "</span>";
        }
        return L.divIcon({
            className: "incident-marker incident-" + count(props.id) + " type-" +
                cssName(props.type),
            html: html,
            iconSize: [size, size],
            iconAnchor: [size / 2, size / 2],
            popupAnchor: [0, -size / 2]
        });
    };

    IncidentsMap.prototype.cellIcon = function (props) {
        var style = this.style(props.type);
        var n = count(props.count);
        var size = Math.min(64, 30 + 6 * Math.log(1 + n) / Math.LN10 * 2);
        return L.divIcon({
            className: "incident-cell type-" + cssName(props.type),
            html: '<div style="background:' + style.color + ";width:" + size + "px;height:" +
                size + 'px"><span>' + n.toLocaleString("en") + "</span></div>",
            iconSize: [size, size],
            iconAnchor: [size / 2, size / 2]
        });
    };

    IncidentsMap.prototype.url = function (bounds) {
        var box = [
            Math.max(-180, bounds.getWest()),
            Math.max(-90, bounds.getSouth()),
            Math.min(180, bounds.getEast()),
            Math.min(90, bounds.getNorth())
        ].map(function (v) { return v.toFixed(4); });
        var url = this.config.dataUrl;
        url += (url.indexOf("?") < 0 ? "?" : "&") + "bbox=" + box.join(",") +
            "&zoom=" + this.map.getZoom();
        if (this.since) {
            url += "&since=" + encodeURIComponent(this.since);
        }
        if (this.until) {
            url += "&until=" + encodeURIComponent(this.until);
        }
        return url;
    };

    IncidentsMap.prototype.load = function () {
        var self = this;
        var mine = ++this.sequence;
        // Ask for half a view more on each side, so small pans need no request.
        var bounds = this.map.getBounds().pad(0.5);
        if (!this.config.dataUrl) {
            var since = parseDay(this.since);
            var until = parseDay(this.until);
            var features = this.config.features.features.filter(function (f) {
                var day = parseDay(f.properties.date);
                if (day === null) {
                    return since === null && until === null;
                }
                return (since === null || day >= since) && (until === null || day <= until);
            });
            this.draw({mode: "incidents", total: features.length, features: features});
            return;
        }
        fetch(this.url(bounds))
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (collection) {
                if (mine === self.sequence) {
                    self.loaded = {bounds: bounds, mode: collection.mode};
                    self.draw(collection);
                }
            })
            .catch(function (error) {
                console.error("incidents could not be loaded: " + error);
            });
    };

    /* Whether the view still shows only what was loaded: single incidents (cells
     * change with the zoom) over an area the last load covered. */
    IncidentsMap.prototype.stillLoaded = function () {
        return Boolean(this.loaded) && this.loaded.mode === "incidents" &&
            this.loaded.bounds.contains(this.map.getBounds());
    };

    IncidentsMap.prototype.draw = function (collection) {
        var self = this;
        var markers = {};
        var points = [];
        Object.keys(this.groups).forEach(function (type) {
            self.groups[type].cluster.clearLayers();
            self.groups[type].cells.clearLayers();
            markers[type] = [];
        });
        var cells = collection.mode === "cells";
        collection.features.forEach(function (feature) {
            var props = feature.properties;
            var group = self.groups[props.type];
            if (!group) {
                return;
            }
            var latlng = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
            var marker;
            if (cells) {
                marker = L.marker(latlng, {icon: self.cellIcon(props)});
                marker.bindTooltip(textNode(props.tooltip), {direction: "top"});
                var box = feature.bbox;
                marker.on("click", function () {
                    self.map.fitBounds([[box[1], box[0]], [box[3], box[2]]], {
                        padding: [30, 30],
                        maxZoom: Math.min(self.config.maxZoom, self.map.getZoom() + 3)
                    });
                });
                group.cells.addLayer(marker);
                points.push([latlng[0], latlng[1], count(props.count)]);
            } else {
                marker = L.marker(latlng, {icon: self.markerIcon(props)});
                marker.bindPopup(props.popup, {maxWidth: 340});
                marker.bindTooltip(props.tooltip, {direction: "top"});
                markers[props.type].push(marker);
                var hurt = count(props.killed) + count(props.injured);
                points.push([latlng[0], latlng[1], 1 + Math.log(1 + hurt)]);
            }
        });
        Object.keys(markers).forEach(function (type) {
            self.groups[type].cluster.addLayers(markers[type]);
        });
        this.heat.setLatLngs(points);
        if (this.counter) {
            var text = count(collection.total).toLocaleString("en") + " in this area";
            if (cells) {
                text += ", grouped by area (zoom in for single incidents)";
            }
            this.counter.textContent = text;
        }
        this.map.getContainer().setAttribute("data-incidents-mode", cells ? "cells" : "incidents");
        this.map.getContainer().setAttribute("data-incidents-loaded", String(this.sequence));
    };

    IncidentsMap.prototype.addSlider = function () {
        var low = parseDay(this.config.dateMin);
        var high = parseDay(this.config.dateMax);
        if (low === null || high === null) {
            return;
        }
        var self = this;
        var days = Math.round((high - low) / DAY);
        var control = L.control({position: "bottomleft"});
        control.onAdd = function () {
            var div = L.DomUtil.create("div", "incident-slider");
            div.innerHTML = '<div class="slider-title">Dates</div>' +
                '<label>From <input type="range" class="slider-from" step="1"></label>' +
                '<label>To <input type="range" class="slider-to" step="1"></label>' +
                '<div class="slider-range"></div>';
            var from = div.querySelector(".slider-from");
            var to = div.querySelector(".slider-to");
            var label = div.querySelector(".slider-range");
            [from, to].forEach(function (input) {
                input.min = "0";
                input.max = String(days);
            });
            var start = parseDay(self.since);
            var end = parseDay(self.until);
            from.value = String(start === null ? 0 : Math.max(0, Math.round((start - low) / DAY)));
            to.value = String(end === null ? days : Math.min(days, Math.round((end - low) / DAY)));
            function range() {
                var a = Math.min(+from.value, +to.value);
                var b = Math.max(+from.value, +to.value);
                return [formatDay(low + a * DAY), formatDay(low + b * DAY)];
            }
            function show() {
                var dates = range();
                label.textContent = dates[0] + " to " + dates[1];
            }
            function apply() {
                var dates = range();
                self.since = dates[0];
                self.until = dates[1];
                self.loaded = null;
                show();
                self.load();
            }
            from.addEventListener("input", show);
            to.addEventListener("input", show);
            from.addEventListener("change", apply);
            to.addEventListener("change", apply);
            show();
            L.DomEvent.disableClickPropagation(div);
            L.DomEvent.disableScrollPropagation(div);
            return div;
        };
        control.addTo(this.map);
    };

    function start(map, layers, heat, config) {
        var view = new IncidentsMap(map, layers, heat, config);
        view.addSlider();
        var timer = null;
        map.on("moveend", function () {
            if (!config.dataUrl || view.stillLoaded()) {
                return;
            }
            clearTimeout(timer);
            timer = setTimeout(function () { view.load(); }, MOVE_DELAY);
        });
        view.load();
        window.incidentsMap = view;
        return view;
    }

    window.IncidentsMap = {start: start};
})();
