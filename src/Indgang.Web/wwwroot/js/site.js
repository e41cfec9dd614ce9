// Starts DKFDS's components (error summary focus, menus). Kept out of the page: the CSP forbids inline script.
if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
}
