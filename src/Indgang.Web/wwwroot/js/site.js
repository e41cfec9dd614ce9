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

// The session ends after a while without a request (Indgang:Session:IdleMinutes). One who is typing in a form sends
// none until the submit, so while anything is typed the session is kept, at most once a minute: a long journal note
// is not lost at its submit. A PC left alone types nothing, and its session ends at the limit.
(function () {
    var token = document.querySelector('form[action$="/Account/Logout"] input[name="__RequestVerificationToken"]');
    if (!token || !window.fetch) {
        return;
    }

    var lastKept = Date.now();
    document.addEventListener('input', function () {
        if (Date.now() - lastKept < 60000) {
            return;
        }

        lastKept = Date.now();
        var body = new URLSearchParams();
        body.append('__RequestVerificationToken', token.value);
        window.fetch('/Account/KeepAlive', { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' });
    }, true);
}());

// The session also ends Indgang:Session:MaxHours after the sign-in, however active the user is. From a while before,
// the page frame says at what time (the server shows it on a page loaded then); on a page left open, this puts the same
// warning in its live region when the moment comes. The moment is counted from the page's load, not read off the PC's
// clock (which may be wrong), and looked at once a minute at least, so that a PC woken from sleep shows it at once.
(function () {
    var region = document.getElementById('session-end');
    var warning = document.getElementById('session-end-alert');
    if (!region || !warning || !warning.content) {
        return;
    }

    var warnAt = Date.now() + Number(region.getAttribute('data-warn-in'));
    function warnWhenDue() {
        var left = warnAt - Date.now();
        if (left > 0) {
            window.setTimeout(warnWhenDue, Math.min(left, 60000));
            return;
        }

        region.appendChild(warning.content.cloneNode(true));
    }

    warnWhenDue();
}());
