"""The script that puts Perisai's words where piccolo-admin's SPA has fixed ones (Q-U3).

- Table labels in the menu and page titles: the SPA writes database names there ("safe houses");
  labels come from the one catalogue (admin/labels), served at ./perisai-labels.json in the
  language the user picked.
- The sign-in refusal: the SPA says "Problem logging in" whatever the server answered; the
  server's sentence (wrong e-mail or password, throttled, no panel rights — with its rule id) is
  shown instead.

Kept here as text so it ships with the package like any module.
"""

SCRIPT = r"""
// Perisai's words where piccolo-admin's SPA has fixed ones: see admin/labels_script.py.
(() => {
  let language = null;
  let tables = {};
  let signInRefusal = null;
  const GENERIC_SIGN_IN_ERROR = "Problem logging in";
  const showSignInRefusal = () => {
    const node = document.querySelector("#message_popup .message");
    if (signInRefusal && node && node.textContent.trim() === GENERIC_SIGN_IN_ERROR) {
      node.textContent = signInRefusal;
    }
  };
  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    if (String(url).includes("public/login/")) {
      this.addEventListener("load", () => {
        signInRefusal = null;
        if (this.status >= 400) {
          try {
            const detail = JSON.parse(this.responseText).detail;
            signInRefusal = typeof detail === "string" ? detail : null;
          } catch (error) {
            signInRefusal = null;
          }
        }
        showSignInRefusal();
      });
    }
    return open.call(this, method, url, ...rest);
  };
  const chosen = () => (document.cookie.match(/(?:^|; )perisai_admin_lang=([^;]*)/) || [])[1] || "id";
  const spaced = (name) => name.split("_").join(" ");
  const apply = () => {
    showSignInRefusal();
    document.querySelectorAll('a[href^="#/"] > span').forEach((span) => {
      const name = span.parentElement.getAttribute("href").slice(2).replace(/\/$/, "");
      const label = tables[name];
      if (label && span.textContent !== label) span.textContent = label;
    });
    const current = decodeURIComponent(location.hash.replace(/^#\//, "").split(/[/?]/)[0]);
    const label = tables[current];
    if (!label) return;
    const plain = spaced(current);
    document.querySelectorAll("h1").forEach((h1) => {
      h1.childNodes.forEach((node) => {
        const text = node.nodeType === Node.TEXT_NODE ? node.textContent : "";
        if (text.trim().toLowerCase().endsWith(plain)) {
          const at = text.toLowerCase().lastIndexOf(plain);
          node.textContent = text.slice(0, at) + label + text.slice(at + plain.length);
        }
      });
    });
  };
  const load = async () => {
    const wanted = chosen();
    if (wanted === language) return;
    language = wanted;
    const response = await fetch("./perisai-labels.json", { credentials: "same-origin" });
    if (response.ok) {
      tables = (await response.json()).tables || {};
      apply();
    }
  };
  new MutationObserver(apply).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  window.addEventListener("hashchange", apply);
  setInterval(load, 1000); // the language is switched inside the app, without a page load
  load();
})();
"""
