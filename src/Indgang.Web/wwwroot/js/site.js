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
// A POST form sent after the session has ended would land on the sign-in page, and what was typed in it would be lost.
// So the page counts, from its load, when its session ends (#session-end: data-ends-in at the absolute limit,
// data-idle-for after each request that renews it, the page's own and the keep-alive's), and hears when the user signs
// out, or another user signs in, in another tab of the browser. A submit after any of these is stopped and the server
// asked (the keep-alive): if the session still holds (the user signed in again in another tab, say), the form is sent;
// if not, or if it is another user's now (#session-end's data-user), the text stays in the form, and the page says why
// and how to go on.
(function () {
    var token = document.querySelector('form[action$="/Account/Logout"] input[name="__RequestVerificationToken"]');
    if (!token || !window.fetch) {
        return;
    }

    var region = document.getElementById('session-end');
    var loaded = Date.now();
    var endsAt = region ? loaded + Number(region.getAttribute('data-ends-in')) : Infinity;
    var idleFor = region ? Number(region.getAttribute('data-idle-for')) : Infinity;
    var idleEndsAt = loaded + idleFor;
    var user = region ? region.getAttribute('data-user') : null;

    // Which user the session is, asked when the page's antiforgery token is refused: 'other-user' if not the page's.
    function whoseSession() {
        return window.fetch('/Account/KeepAlive?handler=User', { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' })
            .then(function (response) {
                if (response.status !== 200) {
                    return 'ended';
                }

                return response.text().then(function (mark) {
                    return mark === user ? 'ended' : 'other-user';
                });
            });
    }

    // Resolves to 'kept' while the session holds, 'other-user' if another user has signed in since, or 'ended'.
    function keepAlive() {
        var sent = Date.now();
        var body = new URLSearchParams();
        body.append('__RequestVerificationToken', token.value);
        return window.fetch('/Account/KeepAlive', { method: 'POST', body: body, credentials: 'same-origin', redirect: 'manual' })
            .then(function (response) {
                if (response.status === 204) {
                    idleEndsAt = Math.max(idleEndsAt, sent + idleFor);
                    return 'kept';
                }

                // An ended session is sent to the sign-in page: a redirect, which 'manual' leaves unfollowed (status 0).
                // A session that refuses the token (400) is another user's, or the same user's with the token gone bad.
                return response.status === 400 && user ? whoseSession() : 'ended';
            });
    }

    var lastKept = loaded;
    document.addEventListener('input', function () {
        if (Date.now() - lastKept < 60000) {
            return;
        }

        lastKept = Date.now();
        keepAlive().catch(function () { });
    }, true);

    function isSignOut(form) {
        return form.matches('form[action$="/Account/Logout"]');
    }

    // The sign-out tells the browser's other Indgang pages that the session has ended: that alone, nothing personal.
    var channelName = 'indgang-session';
    var signedOutKey = 'indgang-signed-out';
    var channel = window.BroadcastChannel ? new window.BroadcastChannel(channelName) : null;
    document.addEventListener('submit', function (event) {
        if (!isSignOut(event.target)) {
            return;
        }

        if (channel) {
            channel.postMessage('signed-out');
            return;
        }

        try {
            window.localStorage.setItem(signedOutKey, String(Date.now()));
        } catch (e) {
            // No storage (a browser's privacy setting): the other pages find out at their submit, as before.
        }
    }, true);

    if (!region) {
        return;
    }

    // Each signed-in page also tells the others whose it is (its user mark, the opaque data-user): a page that hears of
    // another user's has had its session taken over in another tab (a sign-in without signing out first), and its next
    // submit is asked about as after a sign-out. The same user's pages say the same, and change nothing.
    var userKey = 'indgang-user';
    var ownUser = 'user:' + user;
    var changedElsewhere = false;
    function hear(message) {
        changedElsewhere = changedElsewhere || message === 'signed-out'
            || (typeof message === 'string' && message.indexOf('user:') === 0 && message !== ownUser);
    }

    if (channel) {
        channel.addEventListener('message', function (event) {
            hear(event.data);
        });
        if (user) {
            channel.postMessage(ownUser);
        }
    } else {
        window.addEventListener('storage', function (event) {
            hear(event.key === signedOutKey ? 'signed-out' : event.key === userKey ? event.newValue : null);
        });
        try {
            if (user) {
                window.localStorage.setItem(userKey, ownUser);
            }
        } catch (e) {
            // No storage: the other pages find out at their submit, as before.
        }
    }

    // Why the session has ended by the page's count, the end that came first, or by a sign-out or another user's sign-in
    // heard from another tab: 'signed-out' (the keep-alive tells another user's session apart), 'idle', 'max', or null
    // while it holds.
    function ended() {
        if (changedElsewhere) {
            return 'signed-out';
        }

        var now = Date.now();
        var first = Math.min(idleEndsAt, endsAt);
        if (now < first) {
            return null;
        }

        return first === idleEndsAt ? 'idle' : 'max';
    }

    function sayEnded(reason) {
        var template = document.getElementById('session-ended-' + reason);
        var shown = region.querySelector('[data-testid="session-ended-alert"]');
        if (shown) {
            shown.remove();
        }

        region.appendChild(template.content.cloneNode(true));
        region.querySelector('[data-testid="session-ended-alert"]').focus();
    }

    var sending = null;
    function send(form, submitter) {
        sending = form;
        if (submitter) {
            form.requestSubmit(submitter);
        } else {
            form.requestSubmit();
        }

        // The submit event has come by now, or the browser's own checks stopped the form: the next submit is looked at anew.
        sending = null;
    }

    // In the capture phase, before the form's own handlers (a busy button's): a stopped submit leaves the form as it was.
    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (form === sending) {
            return;
        }

        var reason = ended();
        if (!reason || form.method !== 'post' || isSignOut(form)) {
            return;
        }

        event.preventDefault();
        event.stopPropagation();
        var submitter = event.submitter;
        keepAlive().then(function (session) {
            if (session === 'kept') {
                // Signed in again as this page's user (in another tab): what was heard is over.
                changedElsewhere = false;
                send(form, submitter);
            } else {
                sayEnded(session === 'other-user' ? session : reason);
            }
        }, function () {
            // No answer at all: the browser says so at the submit, as it would have without this.
            send(form, submitter);
        });
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
