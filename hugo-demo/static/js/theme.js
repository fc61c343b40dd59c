// Light or dark for the demo site. Loaded in <head> (not inline, so the pages work
// under a Content-Security-Policy of default-src 'self'): it applies a saved choice
// as <html data-theme="dark|light"> before the first paint, then wires the header's
// "Dark theme" toggle. Without a saved choice the site follows prefers-color-scheme.
// gd-widgets elements with theme="auto" follow the same data-theme attribute.
(function () {
  'use strict';
  var KEY = 'gd-demo-theme';
  var root = document.documentElement;
  var system = window.matchMedia('(prefers-color-scheme: dark)');

  function saved() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === 'dark' || value === 'light' ? value : null;
    } catch (e) {
      return null; // storage blocked: follow the system
    }
  }

  function apply(theme) {
    if (theme) root.setAttribute('data-theme', theme);
    else root.removeAttribute('data-theme');
  }

  function isDark() {
    var theme = root.getAttribute('data-theme');
    return theme ? theme === 'dark' : system.matches;
  }

  apply(saved());

  document.addEventListener('DOMContentLoaded', function () {
    var button = document.querySelector('.theme-toggle');
    if (!button) return;
    function sync() {
      button.setAttribute('aria-pressed', String(isDark()));
    }
    button.addEventListener('click', function () {
      var next = isDark() ? 'light' : 'dark';
      apply(next);
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        // the choice lasts for this page only
      }
      sync();
    });
    if (system.addEventListener) system.addEventListener('change', sync);
    button.hidden = false;
    sync();
  });
})();
