/*
 * Progressive enhancement of the report form: address suggestions, "Use my location", and a JSON post that shows the
 * reference in place. Without this file (or without JavaScript) the form still posts and a page comes back.
 */
(function () {
  'use strict';

  var form = document.getElementById('report');
  if (!form || !window.fetch || !window.FormData || !window.URL) return;

  var byId = function (id) {
    return document.getElementById(id);
  };

  // the page's message catalogue (form_script), in the page's language, with {{placeholders}} to fill in
  var TEXTS = JSON.parse(form.getAttribute('data-texts') || '{}');
  function text(key, values) {
    return (TEXTS[key] || key).replace(/\{\{(\w+)\}\}/g, function (_match, name) {
      return values && name in values ? String(values[name]) : '';
    });
  }

  function say(region, text, isError) {
    region.textContent = text;
    region.classList.toggle('is-error', Boolean(isError));
  }

  /** crypto.randomUUID exists only on https and localhost; getRandomValues everywhere. */
  function newIdempotencyKey() {
    if (window.crypto.randomUUID) return window.crypto.randomUUID();
    return Array.from(window.crypto.getRandomValues(new Uint8Array(16)), function (b) {
      return b.toString(16).padStart(2, '0');
    }).join('');
  }

  function enhanceAddress() {
    if (typeof window.accessibleAutocomplete !== 'function') return;
    var container = byId('address-field');
    var typed = byId('address').value;
    var addressesUrl = new URL('addresses', form.action);
    var latest = 0;
    var timer;
    container.textContent = '';
    window.accessibleAutocomplete({
      element: container,
      id: 'address',
      name: 'address',
      defaultValue: typed,
      minLength: 2,
      confirmOnBlur: false,
      showNoOptionsFound: false,
      displayMenu: 'overlay',
      tStatusQueryTooShort: function (n) {
        return text('type_more', { count: n });
      },
      source: function (query, populate) {
        // answers can arrive out of order: only the newest query may fill the list
        var ticket = ++latest;
        clearTimeout(timer);
        timer = setTimeout(function () {
          addressesUrl.search = new URLSearchParams({ q: query, limit: '8' }).toString();
          fetch(addressesUrl, { headers: { Accept: 'application/json' } })
            .then(function (response) {
              return response.ok ? response.json() : { suggestions: [] };
            })
            .then(function (body) {
              if (ticket === latest)
                populate(
                  body.suggestions.map(function (s) {
                    return s.label;
                  }),
                );
            })
            .catch(function () {
              if (ticket === latest) populate([]);
            });
        }, 120);
      },
    });
  }

  var LOCATION_ERRORS = { 1: 'location_refused', 2: 'location_unavailable', 3: 'location_timeout' };

  function enhanceLocation() {
    if (!navigator.geolocation || !window.isSecureContext) return;
    var use = byId('use-location');
    var clear = byId('clear-location');
    var status = byId('location-status');
    var lat = byId('lat');
    var long = byId('long');
    var busy = false;
    var showSet = function (accuracy) {
      var where = { lat: lat.value, long: long.value, metres: Math.round(accuracy || 0) };
      say(status, text(accuracy ? 'location_set_within' : 'location_set', where));
      clear.hidden = false;
    };
    use.hidden = false;
    if (lat.value && long.value) showSet();
    use.addEventListener('click', function () {
      if (busy) return;
      busy = true;
      say(status, text('location_finding'));
      navigator.geolocation.getCurrentPosition(
        function (position) {
          busy = false;
          lat.value = position.coords.latitude.toFixed(6);
          long.value = position.coords.longitude.toFixed(6);
          showSet(position.coords.accuracy);
        },
        function (error) {
          busy = false;
          say(status, text(LOCATION_ERRORS[error.code] || 'location_failed'), true);
        },
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
      );
    });
    clear.addEventListener('click', function () {
      lat.value = '';
      long.value = '';
      clear.hidden = true;
      say(status, text('location_cleared'));
      use.focus();
    });
  }

  function problemText(response, body) {
    if (response.status === 503 || response.status === 429) return text('busy');
    if (body && body.error && body.error.message) return text('not_sent_because', { message: body.error.message });
    return text('not_sent');
  }

  /** The tracking path is the site's own (`/track/...`): resolved from the site's root, as the no-script page does. */
  function showReference(reference, trackingPath) {
    var summary = document.querySelector('.error-summary');
    if (summary) summary.hidden = true;
    form.hidden = true;
    byId('reference').textContent = reference;
    if (trackingPath) {
      byId('track').href = new URL('../../' + trackingPath.replace(/^\//, ''), form.action).href;
      byId('track-line').hidden = false;
    }
    byId('done').hidden = false;
    document.title = text('received_title') + ' – ' + document.title.split(' – ').slice(1).join(' – ');
    byId('done-heading').focus();
  }

  // the EXIF reader (exifr) is loaded once a photo is picked: most reports have none
  var exifReader = null;
  function exifReaderLoaded() {
    if (!exifReader)
      exifReader = new Promise(function (resolve) {
        var script = document.createElement('script');
        script.src = new URL('../../static/web/vendor/exifr.js', form.action).href;
        script.onload = function () {
          resolve(window.exifr || null);
        };
        script.onerror = function () {
          resolve(null);
        };
        document.head.appendChild(script);
      });
    return exifReader;
  }

  /** Resolves true when a picked photo says where it was taken (EXIF GPS): the server takes that as the location. */
  function photosPlaceIt() {
    var files = Array.prototype.slice.call(byId('photo').files);
    if (files.length === 0) return Promise.resolve(false);
    return exifReaderLoaded().then(function (exifr) {
      if (!exifr) return false;
      return Promise.all(
        files.map(function (file) {
          return exifr.gps(file).catch(function () {
            return null;
          });
        }),
      ).then(function (positions) {
        return positions.some(function (gps) {
          return gps && isFinite(gps.latitude) && isFinite(gps.longitude) && !(gps.latitude === 0 && gps.longitude === 0);
        });
      });
    });
  }

  /**
   * Asks where once before sending a report that nothing places: no location set, no photo taken with its
   * position, and neither the address field nor the description names a place the town can find. Resolves true
   * when it asked.
   */
  function askedWhere() {
    var question = byId('where-question');
    if (!question || !question.hidden || byId('lat').value) return Promise.resolve(false);
    var locateUrl = new URL('locate', form.action);
    locateUrl.search = new URLSearchParams({ address: byId('address').value, description: byId('description').value }).toString();
    return photosPlaceIt().then(function (placed) {
      return placed ? false : located();
    });
    function located() {
      return (
        fetch(locateUrl, { headers: { Accept: 'application/json' } })
          .then(function (response) {
            return response.ok ? response.json() : { located: true };
          })
          .then(function (body) {
            if (body.located) return false;
            question.hidden = false;
            question.focus();
            return true;
          })
          // a question that cannot be asked never stops a report
          .catch(function () {
            return false;
          })
      );
    }
  }

  function enhanceSubmit() {
    var status = byId('form-status');
    // one key for this report: a retry after a network error or a 503 cannot make a second request
    var idempotencyKey = newIdempotencyKey();
    var sending = false;
    function send() {
      say(status, text('sending'));
      return fetch(form.action, {
        method: 'POST',
        // multipart, photos and all; the browser sets the boundary
        headers: { Accept: 'application/json', 'Idempotency-Key': idempotencyKey },
        body: new FormData(form),
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () {
              return null;
            })
            .then(function (body) {
              if (response.status === 202 && body && body.reference) showReference(body.reference, body.tracking_path);
              else say(status, problemText(response, body), true);
            });
        })
        .catch(function () {
          say(status, text('offline'), true);
        });
    }
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (sending) return;
      sending = true;
      askedWhere()
        .then(function (asked) {
          return asked ? undefined : send();
        })
        .then(function () {
          sending = false;
        });
    });
  }

  var summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  enhanceAddress();
  enhanceLocation();
  enhanceSubmit();
  byId('photo').addEventListener('change', exifReaderLoaded);
})();
