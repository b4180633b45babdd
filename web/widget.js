/*
 * NRW Integrationslotse – glue code around rasa-webchat 1.0.1 (web/vendor/webchat.js).
 *
 * 1. Starts the widget with the page's window.IntegrationslotseConfig.
 * 2. Adds German labels and keyboard access that rasa-webchat lacks
 *    (quick-reply buttons are plain <div>s, icon buttons have no names).
 * 3. Turns web addresses, e-mail addresses and phone numbers in bot messages into
 *    links. rasa-webchat renders bot text as Markdown (react-markdown 4, raw HTML
 *    escaped) but links only "http(s)://" and "mailto:" addresses; "www.…", bare
 *    e-mail addresses and phone numbers stay plain text.
 * 4. Disarms links with other schemes (e.g. "javascript:"): rasa-webchat turns off
 *    react-markdown's URL filter (transformLinkUri: null).
 * 5. Language: sends the chosen language (or the page's <html lang>) as metadata
 *    (customData.language) with every message, so that short messages ("ok") are
 *    answered in it; any <select data-lotse-language> on the page chooses it. The
 *    choice is kept for the tab (sessionStorage) and restarts the chat in that language.
 *    Emergency numbers at the start of a line ("110 – Polizei") become tel: links.
 *
 * Message text is only ever handled as text: DOM APIs (createTextNode, createElement,
 * setAttribute), never innerHTML.
 */
(function () {
  "use strict";

  var DEFAULTS = {
    socketUrl: "http://localhost:5005",
    socketPath: "/socket.io/",
    title: "NRW Integrationslotse",
    subtitle: "Fragen zu Partnern der Integration in NRW",
    inputTextFieldHint: "Ihre Frage …",
    connectingText: "Verbindung wird aufgebaut …",
    initPayload: "/greet",
    storage: "session",
    hideWhenNotConnected: true,
    colors: {}
  };
  var LABELS = {
    open: "Chat mit dem NRW Integrationslotsen öffnen",
    close: "Chat schließen",
    input: "Ihre Frage an den Integrationslotsen",
    send: "Frage senden",
    log: "Chatverlauf"
  };
  var SAFE_PROTOCOLS = ["http:", "https:", "mailto:", "tel:"];

  // Web addresses, e-mail addresses and phone numbers, in this order of preference.
  var LINK_PATTERN = new RegExp(
    "(\\bhttps?:\\/\\/[^\\s<>\"„“]+|\\bwww\\.[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)+(?:\\/[^\\s<>\"„“]*)?)" +
      "|([a-z0-9._%+\\-]+@[a-z0-9\\-]+(?:\\.[a-z0-9\\-]+)*\\.[a-z]{2,})" +
      "|((?:\\+|\\b0)\\d[\\d /\\-–()]{3,}\\d)" +
      "|((?:^|(?<=\\n))(?:110|112)(?= – ))",
    "gi"
  );
  // A number is a phone number only when the nearest label before it on its line says so.
  var PHONE_LABEL = /\b(Telefon|Tel\.?|Mobil|Handy|Hotline|Fax|Telefax)\b/gi;

  var LANGUAGE_KEY = "lotse-language";

  /** The language chosen in this tab, if any. */
  function chosenLanguage() {
    try { return window.sessionStorage.getItem(LANGUAGE_KEY); } catch (e) { return null; }
  }

  /** <select data-lotse-language>: show the current choice; a new one restarts the chat in it. */
  function connectLanguageChoice(current) {
    document.querySelectorAll("select[data-lotse-language]").forEach(function (select) {
      select.value = current;
      select.addEventListener("change", function () {
        try {
          window.sessionStorage.setItem(LANGUAGE_KEY, select.value);
          // rasa-webchat keeps its conversation here; a new one starts in the new language.
          Object.keys(window.sessionStorage).forEach(function (key) {
            if (key !== LANGUAGE_KEY) window.sessionStorage.removeItem(key);
          });
        } catch (e) { /* storage blocked: the choice lasts for this page only */ }
        window.location.reload();
      });
    });
  }

  /** Merge the page's config over the defaults and map it to rasa-webchat props. */
  function buildProps(config) {
    var c = {};
    var key;
    for (key in DEFAULTS) c[key] = DEFAULTS[key];
    for (key in config) c[key] = config[key];
    var colors = c.colors || {};
    var props = {
      socketUrl: c.socketUrl,
      socketPath: c.socketPath,
      initPayload: c.initPayload,
      title: c.title,
      subtitle: c.subtitle,
      inputTextFieldHint: c.inputTextFieldHint,
      connectingText: c.connectingText,
      hideWhenNotConnected: c.hideWhenNotConnected,
      customData: { language: chosenLanguage() || c.language || document.documentElement.lang || "de" },
      params: { storage: c.storage },
      showCloseButton: true,
      showFullScreenButton: false,
      displayUnreadCount: false,
      // rasa-webchat's default spreads long answers over several seconds.
      customMessageDelay: function () { return 300; }
    };
    if (c.protocolOptions) props.protocolOptions = c.protocolOptions;
    if (colors.main) props.mainColor = colors.main;
    if (colors.userBackground) props.userBackgroundColor = colors.userBackground;
    if (colors.userText) props.userTextColor = colors.userText;
    if (colors.botBackground) props.assistBackgoundColor = colors.botBackground; // sic: the library's spelling
    if (colors.botText) props.assistTextColor = colors.botText;
    if (colors.background) props.conversationBackgroundColor = colors.background;
    return props;
  }

  /** Digits of a German phone number as an international tel: URI. */
  function telHref(number) {
    var digits = number.replace(/[^\d+]/g, "");
    if (/^0[1-9]/.test(digits)) digits = "+49" + digits.slice(1);
    else if (/^00/.test(digits)) digits = "+" + digits.slice(2);
    return "tel:" + digits;
  }

  /** True when the closest label before `index` on the same line names a phone (not a fax). */
  function isPhoneContext(text, index) {
    var lineStart = text.lastIndexOf("\n", index - 1) + 1;
    var before = text.slice(lineStart, index);
    var label = null;
    var m;
    PHONE_LABEL.lastIndex = 0;
    while ((m = PHONE_LABEL.exec(before)) !== null) label = m[1].toLowerCase();
    return label !== null && label.indexOf("fax") === -1;
  }

  // The fax label in the languages the bot answers in (knowledge/replies.yml, label_fax).
  var FAX_LABEL = /(fax|faks|факс|فاكس|فاکس|فکس)/i;

  /** "Telefon: 02931 / 82-2900" in any language: a German area code, a slash, the number,
   *  on a line that is not a fax line. */
  function isDialled(text, match) {
    var lineStart = text.lastIndexOf("\n", match.index - 1) + 1;
    return /^0\d{2,5} \/ \d/.test(match[0]) && !FAX_LABEL.test(text.slice(lineStart, match.index));
  }

  /** "0800 111 0 111 – Telefonseelsorge": a number that opens its line and is named after a dash. */
  function namedAfter(text, match) {
    var lineStart = text.lastIndexOf("\n", match.index - 1) + 1;
    return lineStart === match.index && text.slice(match.index + match[0].length, match.index + match[0].length + 3) === " – ";
  }

  /** The link for one match, or null when the match is not to be linked. */
  function linkFor(text, match) {
    var value = match[0];
    var trailing = "";
    if (match[1]) {
      // Trailing punctuation belongs to the sentence, not to the address.
      var cut = value.match(/[.,;:!?)\]]+$/);
      if (cut) { trailing = cut[0]; value = value.slice(0, -trailing.length); }
      var href = /^https?:/i.test(value) ? value : "https://" + value;
      return { text: value, href: href, external: true, trailing: trailing };
    }
    if (match[2]) return { text: value, href: "mailto:" + value, external: false, trailing: "" };
    if (match[3] && (isPhoneContext(text, match.index) || isDialled(text, match) || namedAfter(text, match))) {
      return { text: value, href: telHref(value), external: false, trailing: "" };
    }
    if (match[4]) return { text: value, href: "tel:" + value, external: false, trailing: "" };
    return null;
  }

  function makeLink(link) {
    var a = document.createElement("a");
    a.setAttribute("href", link.href);
    a.className = "lotse-link";
    if (link.external) {
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener noreferrer");
    }
    a.appendChild(document.createTextNode(link.text));
    return a;
  }

  /**
   * Split one text node around its addresses. The original node keeps the first part
   * (React still owns it); links and later parts are inserted after it.
   */
  function linkifyTextNode(node) {
    var text = node.nodeValue;
    var parts = [];
    var last = 0;
    var match;
    LINK_PATTERN.lastIndex = 0;
    while ((match = LINK_PATTERN.exec(text)) !== null) {
      var link = linkFor(text, match);
      if (!link) continue;
      parts.push(text.slice(last, match.index), link);
      last = match.index + link.text.length;
      LINK_PATTERN.lastIndex = last;
    }
    if (!parts.length) return;
    parts.push(text.slice(last));
    node.nodeValue = parts[0];
    var ref = node;
    for (var i = 1; i < parts.length; i++) {
      var next = typeof parts[i] === "string" ? document.createTextNode(parts[i]) : makeLink(parts[i]);
      ref.parentNode.insertBefore(next, ref.nextSibling);
      ref = next;
    }
  }

  function linkify(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        return n.parentNode.closest("a") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(linkifyTextNode);
  }

  function isSafeHref(href) {
    try {
      return SAFE_PROTOCOLS.indexOf(new URL(href, window.location.href).protocol) !== -1;
    } catch (e) {
      return false;
    }
  }

  /** Remove the href of links with any scheme other than http(s), mailto and tel. */
  function disarmLinks(root) {
    root.querySelectorAll("a[href]").forEach(function (a) {
      if (!isSafeHref(a.getAttribute("href"))) {
        a.removeAttribute("href");
        a.setAttribute("data-lotse-blocked", "true");
      }
    });
  }

  function setLabel(el, label) {
    if (el && el.getAttribute("aria-label") !== label) el.setAttribute("aria-label", label);
  }

  /** Names, roles and keyboard access for the widget's controls. */
  function label(root) {
    var launcher = root.querySelector(".rw-launcher");
    if (launcher) {
      var closed = !!launcher.querySelector(".rw-open-launcher");
      setLabel(launcher, closed ? LABELS.open : LABELS.close);
      launcher.setAttribute("aria-expanded", closed ? "false" : "true");
    }
    root.querySelectorAll(".rw-close-button").forEach(function (b) { setLabel(b, LABELS.close); });
    // The icons are decoration; the buttons carry the names.
    root.querySelectorAll(".rw-launcher img, .rw-close-button img").forEach(function (i) { i.setAttribute("alt", ""); });
    root.querySelectorAll(".rw-send svg").forEach(function (s) { s.setAttribute("aria-hidden", "true"); });
    setLabel(root.querySelector(".rw-new-message"), LABELS.input);
    setLabel(root.querySelector(".rw-send"), LABELS.send);
    var log = root.querySelector(".rw-messages-container");
    if (log && log.getAttribute("role") !== "log") {
      log.setAttribute("role", "log");
      log.setAttribute("aria-live", "polite");
      setLabel(log, LABELS.log);
      log.setAttribute("tabindex", "0"); // scrollable with the keyboard
    }
    var conv = root.querySelector(".rw-conversation-container");
    if (conv && !conv.hasAttribute("role")) {
      conv.setAttribute("role", "dialog");
      conv.setAttribute("aria-label", "NRW Integrationslotse – Chat");
    }
    root.querySelectorAll(".rw-reply, .rw-replies > div").forEach(function (r) {
      if (r.getAttribute("role") === "button") return;
      r.setAttribute("role", "button");
      r.setAttribute("tabindex", "0");
    });
  }

  function enhance(root) {
    label(root);
    // Arabic and Farsi read right to left: each message takes its direction from its text.
    root.querySelectorAll(".rw-message").forEach(function (m) {
      if (!m.hasAttribute("dir")) m.setAttribute("dir", "auto");
    });
    root.querySelectorAll(".rw-response .rw-markdown").forEach(linkify);
    disarmLinks(root);
  }

  /** Keyboard: Enter/Space press a quick reply, Escape closes the chat. */
  function onKeyDown(root, event) {
    var target = event.target;
    if (target.getAttribute && target.getAttribute("role") === "button" && target.tagName !== "BUTTON" &&
        (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      target.click();
      var input = root.querySelector(".rw-new-message");
      if (input) input.focus();
    } else if (event.key === "Escape") {
      var close = root.querySelector(".rw-close-button") || root.querySelector(".rw-launcher");
      if (close && root.querySelector(".rw-chat-open")) {
        close.click();
        window.requestAnimationFrame(function () {
          var launcher = root.querySelector(".rw-launcher");
          if (launcher) launcher.focus();
        });
      }
    }
  }

  function start() {
    if (!window.WebChat || typeof window.WebChat.default !== "function") {
      if (window.console) console.error("NRW Integrationslotse: vendor/webchat.js is missing (run scripts/build_web.sh)");
      return;
    }
    var root = document.getElementById("integrationslotse");
    if (!root) {
      root = document.createElement("div");
      root.id = "integrationslotse";
      document.body.appendChild(root);
    }
    var focusInputOnOpen = false;
    var scheduled = false;
    var observer = new MutationObserver(function () {
      if (scheduled) return;
      scheduled = true;
      window.requestAnimationFrame(function () {
        scheduled = false;
        enhance(root);
        var input = root.querySelector(".rw-new-message");
        if (focusInputOnOpen && input) { focusInputOnOpen = false; input.focus(); }
      });
    });
    observer.observe(root, { childList: true, subtree: true });

    root.addEventListener("keydown", function (e) { onKeyDown(root, e); });
    root.addEventListener("click", function (e) {
      var a = e.target.closest && e.target.closest("a");
      if (a && root.contains(a) && a.hasAttribute("href") && !isSafeHref(a.getAttribute("href"))) {
        e.preventDefault(); // second line of defence, before disarmLinks has run
      }
      var launcher = e.target.closest && e.target.closest(".rw-launcher");
      if (launcher && launcher.querySelector(".rw-open-launcher")) focusInputOnOpen = true;
    }, true);

    // Any element with data-lotse-open on the page opens the chat (reachable early in the tab order).
    document.addEventListener("click", function (e) {
      if (!(e.target.closest && e.target.closest("[data-lotse-open]"))) return;
      var input = root.querySelector(".rw-new-message");
      if (input) { input.focus(); return; }
      var launcher = root.querySelector(".rw-launcher");
      if (launcher) { focusInputOnOpen = true; launcher.click(); }
    });

    var props = buildProps(window.IntegrationslotseConfig || {});
    connectLanguageChoice(props.customData.language);
    window.WebChat.default(props, root);
  }

  // Exposed for embedding pages that load this file late, and for inspection in tests.
  window.Integrationslotse = { start: start, buildProps: buildProps, telHref: telHref };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
