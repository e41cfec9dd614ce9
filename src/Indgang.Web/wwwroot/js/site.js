// Starts DKFDS's components (error summary focus, menus). Kept out of the page: the CSP forbids inline script.
if (window.DKFDS && typeof window.DKFDS.init === 'function') {
    window.DKFDS.init();
}

// A form that takes a while (the placement optimizer runs for seconds) says so on its button, and a second click
// does not send it again. The button stays enabled, so its name and value are still sent with the first submission.
document.querySelectorAll('form[data-busy-text]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
        if (form.getAttribute('aria-busy') === 'true') {
            event.preventDefault();
            return;
        }

        form.setAttribute('aria-busy', 'true');
        var button = event.submitter || form.querySelector('button[type="submit"]');
        if (button) {
            button.dataset.idleText = button.innerHTML;
            button.textContent = form.dataset.busyText;
            button.setAttribute('aria-disabled', 'true');
        }
    });
});

// Back from the next page, a cached page must not still look busy.
window.addEventListener('pageshow', function (event) {
    if (!event.persisted) {
        return;
    }

    document.querySelectorAll('form[aria-busy="true"]').forEach(function (form) {
        form.removeAttribute('aria-busy');
        form.querySelectorAll('button[data-idle-text]').forEach(function (button) {
            button.innerHTML = button.dataset.idleText;
            button.removeAttribute('aria-disabled');
        });
    });
});

// A wide table's scroll box (narrow screens) can be reached with the keyboard and scrolled with the arrow keys, but only
// while it does scroll: elsewhere it would be a tab stop that does nothing.
function keyboardScrollBoxes() {
    document.querySelectorAll('.table--responsive-scroll').forEach(function (box) {
        if (box.scrollWidth > box.clientWidth) {
            box.setAttribute('tabindex', '0');
        } else {
            box.removeAttribute('tabindex');
        }
    });
}

keyboardScrollBoxes();
window.addEventListener('resize', keyboardScrollBoxes);
