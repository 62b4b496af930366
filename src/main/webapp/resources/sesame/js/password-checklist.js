/*
 * The live checklist of <s:newPassword> (resources/sesame/components/newPassword.xhtml): marks each rule
 * met or not as the person types, estimates the strength, and reads a summary out after a pause or when
 * a field is left. It mirrors fr.sesame.password.PasswordPolicy for the rules a browser can judge; the
 * server judges again, and alone judges reuse and "too common" (nbvcxz).
 *
 * Without this script (or in a browser without Unicode property escapes) the page still works: the rules
 * are a plain list and the server says which are broken.
 */
(function () {
    'use strict';

    var patterns;
    try {
        patterns = {
            lower: new RegExp('\\p{Lowercase}', 'u'),
            upper: new RegExp('[\\p{Uppercase}\\p{Lt}]', 'u'),
            digit: new RegExp('\\p{Nd}', 'u'),
            // As PasswordPolicy.isBlankOrInvisible: every space, controls, format characters, lone surrogates.
            blank: new RegExp('[\\s\\p{Z}\\p{Cc}\\p{Cf}\\p{Cs}]', 'u'),
            marks: new RegExp('\\p{M}+', 'gu'),
            notLetterOrDigit: new RegExp('[^\\p{L}\\p{N}]+', 'gu')
        };
    } catch (unsupported) {
        return;
    }

    var ANNOUNCE_AFTER_MS = 1500;
    var ICONS = {met: '\u2713', unmet: '\u2717', neutral: '\u2022'};

    /** Words that make a password guessable whatever surrounds them (the server knows many more). */
    var COMMON_WORDS = ['motdepasse', 'password', 'azertyuiop', 'azerty', 'qwerty', 'universite', 'univ', 'sesame',
        'bonjour', 'soleil', 'marseille', 'chouchou', 'doudou', 'loulou', 'coucou', 'jetaime', 'chocolat',
        'princesse', 'football', 'welcome', 'admin', 'iloveyou', 'france'];

    /** As PasswordPolicy.fold: compatibility forms unified, accents stripped, lower case. */
    function fold(text) {
        return text.normalize('NFKD').replace(patterns.marks, '').toLowerCase();
    }

    function codePoints(text) {
        return Array.from(text);
    }

    function containsLogin(password, login) {
        var foldedLogin = fold(login);
        if (!foldedLogin) {
            return false;
        }
        var compactLogin = foldedLogin.replace(patterns.notLetterOrDigit, '');
        var foldedPassword = fold(password);
        return foldedPassword.indexOf(foldedLogin) >= 0
            || (codePoints(compactLogin).length >= 3
                && foldedPassword.replace(patterns.notLetterOrDigit, '').indexOf(compactLogin) >= 0);
    }

    /** Per rule key: true (met), false (not met) or null (nothing to say yet). */
    function judge(box, password, confirmation, confirmationTouched) {
        var length = codePoints(password).length;
        var specials = box.getAttribute('data-specials') || '';
        return {
            'too-short': length >= Number(box.getAttribute('data-min-length')),
            'too-long': length <= Number(box.getAttribute('data-max-length')),
            'no-lowercase': patterns.lower.test(password),
            'no-uppercase': patterns.upper.test(password),
            'no-digit': patterns.digit.test(password),
            'no-special': codePoints(password).some(function (c) { return specials.indexOf(c) >= 0; }),
            'whitespace': !patterns.blank.test(password),
            'contains-login': !containsLogin(password, box.getAttribute('data-login') || ''),
            'confirmation-mismatch': confirmationTouched ? confirmation !== '' && confirmation === password : null
        };
    }

    /**
     * A rough number of bits, for the meter only: each character counts for its kind, except inside a
     * common word, the login, a year or a run (aaa, abc, 123), and a leading capital counts for little.
     */
    function estimateBits(password, login, specials) {
        var chars = codePoints(password);
        var folded = chars.map(function (c) { return fold(c).charAt(0) || c; });
        var covered = chars.map(function () { return false; });
        var bits = 0;

        var words = COMMON_WORDS.slice();
        fold(login).split(patterns.notLetterOrDigit).concat([fold(login).replace(patterns.notLetterOrDigit, '')])
            .forEach(function (part) {
                if (codePoints(part).length >= 3) {
                    words.push(part);
                }
            });
        words.sort(function (a, b) { return b.length - a.length; });
        words.forEach(function (word) {
            var w = codePoints(word);
            for (var i = 0; i + w.length <= folded.length; i++) {
                var found = true;
                for (var j = 0; j < w.length && found; j++) {
                    found = !covered[i + j] && folded[i + j] === w[j];
                }
                if (found) {
                    for (var k = 0; k < w.length; k++) {
                        covered[i + k] = true;
                    }
                    bits += 5;
                }
            }
        });

        for (var y = 0; y + 4 <= chars.length; y++) {
            var four = folded.slice(y, y + 4).join('');
            if (/^(19|20)\d\d$/.test(four) && !covered.slice(y, y + 4).some(Boolean)) {
                covered[y] = covered[y + 1] = covered[y + 2] = covered[y + 3] = true;
                bits += 5;
            }
        }

        for (var i = 0; i < chars.length; i++) {
            if (covered[i]) {
                continue;
            }
            var c = chars[i];
            var previous = i > 0 ? folded[i - 1].codePointAt(0) : NaN;
            var step = folded[i].codePointAt(0) - previous;
            if (step === 0 || ((step === 1 || step === -1) && /[a-z0-9]/.test(folded[i]))) {
                bits += 1;
            } else if (patterns.upper.test(c)) {
                bits += i === 0 ? 1.5 : 4.7;
            } else if (patterns.lower.test(c)) {
                bits += 4.7;
            } else if (patterns.digit.test(c)) {
                bits += 3.3;
            } else if (specials.indexOf(c) >= 0) {
                bits += 5;
            } else {
                bits += 6;
            }
        }
        return bits;
    }

    /** 0 (nothing typed), 1 weak, 2 medium, 3 strong. */
    function level(password, login, specials) {
        if (!password) {
            return 0;
        }
        var bits = estimateBits(password, login, specials);
        return bits < 35 ? 1 : bits < 48 ? 2 : 3;
    }

    function format(pattern, values) {
        return pattern.replace(/\{(\d)\}/g, function (all, index) { return values[Number(index)]; });
    }

    function part(box, role) {
        return box.querySelector('[data-role="' + role + '"]');
    }

    function update(box) {
        var password = part(box, 'password').value;
        var confirmationField = part(box, 'confirmation');
        var confirmation = confirmationField.value;
        var touched = box.sesameTouched;
        var verdicts = judge(box, password, confirmation, touched.confirmation);
        var met = 0;
        var judged = 0;
        var remaining = [];

        box.querySelectorAll('li[data-rule]').forEach(function (item) {
            if (item.getAttribute('data-browser') !== 'true') {
                return;
            }
            var verdict = touched.password ? verdicts[item.getAttribute('data-rule')] : null;
            var state = verdict === true ? 'met' : verdict === false ? 'unmet' : 'neutral';
            item.classList.toggle('password-rule--met', state === 'met');
            item.classList.toggle('password-rule--unmet', state === 'unmet');
            item.querySelector('.password-rule__icon').textContent = ICONS[state];
            item.querySelector('[data-role="state"]').textContent = state === 'neutral' ? ''
                : ' (' + box.getAttribute(state === 'met' ? 'data-text-met' : 'data-text-unmet') + ')';
            if (state !== 'neutral') {
                judged++;
                if (state === 'met') {
                    met++;
                } else {
                    remaining.push(item.querySelector('.password-rule__text').textContent.trim());
                }
            }
        });

        var strength = level(password, box.getAttribute('data-login') || '', box.getAttribute('data-specials') || '');
        var strengthText = strength === 0 ? null
            : box.getAttribute(['', 'data-text-weak', 'data-text-medium', 'data-text-strong'][strength]);
        part(box, 'strength').querySelector('meter').value = strength;
        part(box, 'strength-value').textContent = strengthText || '\u2014';

        var summary = format(box.getAttribute('data-text-summary'), [met, judged]);
        if (remaining.length) {
            summary += ' ' + format(box.getAttribute('data-text-remaining'), [remaining.join(' ; ')]);
        }
        if (strengthText) {
            summary += ' ' + box.getAttribute('data-text-strength') + ' ' + strengthText + '.';
        }
        box.sesameSummary = judged ? summary : '';
    }

    function announce(box) {
        clearTimeout(box.sesameTimer);
        var announcer = part(box, 'announcer');
        if (box.sesameSummary && box.sesameSummary !== box.sesameAnnounced) {
            box.sesameAnnounced = box.sesameSummary;
            announcer.textContent = box.sesameSummary;
        }
    }

    function setUp(box) {
        if (box.sesameTouched) {
            return;
        }
        box.sesameTouched = {password: false, confirmation: false};
        part(box, 'toggle').hidden = false;
        part(box, 'strength').hidden = false;
        update(box);
    }

    function boxOf(target) {
        return target instanceof Element ? target.closest('.new-password') : null;
    }

    document.addEventListener('input', function (event) {
        var box = boxOf(event.target);
        var role = event.target.getAttribute && event.target.getAttribute('data-role');
        if (!box || (role !== 'password' && role !== 'confirmation')) {
            return;
        }
        setUp(box);
        box.sesameTouched[role] = true;
        update(box);
        clearTimeout(box.sesameTimer);
        box.sesameTimer = setTimeout(function () { announce(box); }, ANNOUNCE_AFTER_MS);
    });

    document.addEventListener('focusout', function (event) {
        var box = boxOf(event.target);
        if (box && box.sesameTouched) {
            announce(box);
        }
    });

    document.addEventListener('click', function (event) {
        var toggle = event.target instanceof Element ? event.target.closest('[data-role="toggle"]') : null;
        var box = toggle ? boxOf(toggle) : null;
        if (!box) {
            return;
        }
        var show = toggle.getAttribute('aria-pressed') !== 'true';
        toggle.setAttribute('aria-pressed', String(show));
        ['password', 'confirmation'].forEach(function (role) {
            part(box, role).type = show ? 'text' : 'password';
        });
    });

    // Never submit a shown password as a text field: browsers may keep text fields in their form history.
    document.addEventListener('submit', function (event) {
        event.target.querySelectorAll('.new-password').forEach(function (box) {
            var toggle = part(box, 'toggle');
            if (toggle.getAttribute('aria-pressed') === 'true') {
                toggle.setAttribute('aria-pressed', 'false');
                part(box, 'password').type = 'password';
                part(box, 'confirmation').type = 'password';
            }
        });
    }, true);

    function setUpAll(root) {
        if (root.querySelectorAll) {
            root.querySelectorAll('.new-password').forEach(setUp);
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', function () { setUpAll(document); });
    } else {
        setUpAll(document);
    }
    // Ajax updates (PrimeFaces or Faces) replace the component's markup: set the new one up too.
    new MutationObserver(function (mutations) {
        mutations.forEach(function (mutation) {
            mutation.addedNodes.forEach(function (node) {
                if (node instanceof Element) {
                    if (node.matches('.new-password')) {
                        setUp(node);
                    }
                    setUpAll(node);
                }
            });
        });
    }).observe(document.documentElement, {childList: true, subtree: true});
}());
