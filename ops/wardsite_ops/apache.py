"""Apache httpd 2.4 configuration for the site, generated from deploy.yml.

The output is one ``<VirtualHost>`` (plus, over HTTPS, a port-80 one that
redirects): access rule, security headers, precompressed files, caching,
MIME types and error pages. Debian's apache2 needs the modules of
:func:`required_modules` enabled (README: 区のサーバーで公開する).

Secrets (the Entra ID client secret and session passphrase) are written to a
separate file readable by root only and included; the main file and anything
printed hold no secret.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from wardsite.org import load_org, lookup
from wardsite_ops import beacon
from wardsite_ops.csp import content_security_policy
from wardsite_ops.settings import Settings

#: The ward's facts (the helpdesk on the 403 page).
ORG_FILE = Path(__file__).resolve().parents[2] / "org.yml"

#: URL paths the site itself never uses.
ERRORS_PATH = "/_wardsite/errors/"
OIDC_CALLBACK = "/_wardsite/oidc/callback"

#: Content-hashed file names from Material (bundle.a5f9d56c.min.js, …).
_HASHED_ASSET = (
    r"^/assets/(javascripts|stylesheets)/.+\.[0-9a-f]{8}\.min\.(js|css)(\.map)?(\.br|\.gz)?$"
)
#: Search shards and worker files, requested with the build's id as ?v= (search/worker.js).
_VERSIONED = (
    r"^/(search/[a-z]+/(lexicon|postings|docs)/[0-9]+\.json|search/[a-z]+/pages\.json"
    r"|assets/javascripts/search/[a-z]+\.js)(\.br|\.gz)?$"
)
_TEXT = r"\.(html|css|js|json|svg|xml|vtt|txt|map|webmanifest)(\.br|\.gz)?$"


def required_modules(settings: Settings) -> list[str]:
    """Apache modules (Debian names, as for a2enmod) this configuration uses."""
    modules = ["alias", "authz_core", "authz_host", "dir", "headers", "mime", *beacon.MODULES]
    modules = list(dict.fromkeys(modules))
    if settings.entra_id is not None:
        modules += ["authn_core", "authz_user", "auth_openidc"]
    if settings.https:
        modules.append("ssl")
    return sorted(modules)


def _q(value: object) -> str:
    """An Apache argument in double quotes."""
    text = str(value)
    if any(c in text for c in '"\n\r\\'):
        raise ValueError(f"unsafe value for the Apache configuration: {text!r}")
    return f'"{text}"'


def _access_rule(settings: Settings) -> list[str]:
    """The Require lines for <Location "/">."""
    lines: list[str] = []
    entra = settings.entra_id
    signed_in: list[str] = []
    if entra is not None:
        lines += ["AuthType openid-connect"]
        signed_in = [f"Require claim {_q('tid:' + entra.tenant_id)}"]
        if entra.required_group:
            signed_in.append(f"Require claim {_q('groups:' + entra.required_group)}")
    ip_rule = f"Require ip {' '.join(settings.networks)}" if settings.networks else ""
    if settings.mode == "network":
        lines.append(ip_rule)
    elif settings.mode == "entra-id":
        lines += ["<RequireAll>", *[f"    {s}" for s in signed_in], "</RequireAll>"]
    else:  # both: the ward's networks, or signed in
        lines += [
            "<RequireAny>",
            f"    {ip_rule}",
            "    <RequireAll>",
            *[f"        {s}" for s in signed_in],
            "    </RequireAll>",
            "</RequireAny>",
        ]
    return lines


def _oidc(settings: Settings, secrets_file: Path) -> list[str]:
    entra = settings.entra_id
    if entra is None:
        return []
    return [
        "# Sign-in with the ward's Entra ID tenant (mod_auth_openidc). The metadata",
        "# URL names the tenant, so only that tenant's issuer is trusted; the tid",
        '# claim is checked again in <Location "/">.',
        f"OIDCProviderMetadataURL {_q(entra.discovery_url)}",
        f"OIDCClientID {_q(entra.client_id)}",
        f"Include {_q(secrets_file)}",
        f"OIDCRedirectURI {_q(OIDC_CALLBACK)}",
        'OIDCScope "openid profile"',
        "OIDCResponseType code",
        "OIDCPKCEMethod S256",
        "OIDCCookieHTTPOnly On",
        "OIDCCookieSameSite On",
        "OIDCSessionInactivityTimeout 28800",
        "OIDCUnAutzAction 403",
        "",
    ]


def render_site_config(settings: Settings, script_hashes: Iterable[str], secrets_file: Path) -> str:
    """The Apache configuration text (no secrets in it)."""
    docroot = settings.current_link
    csp = content_security_policy(script_hashes, settings.media_sources)
    scheme = "https" if settings.https else "http"
    tls = []
    if settings.tls is not None:
        tls = [
            "SSLEngine on",
            f"SSLCertificateFile {_q(settings.tls.certificate_file)}",
            f"SSLCertificateKeyFile {_q(settings.tls.key_file)}",
            "# TLS 1.2 and 1.3 only, whatever the machine's OpenSSL defaults allow.",
            "SSLProtocol -all +TLSv1.2 +TLSv1.3",
            "",
        ]
    hsts = (
        ['Header always set Strict-Transport-Security "max-age=31536000"']
        if settings.https
        else [
            "# No Strict-Transport-Security: this server speaks plain HTTP (no tls: in deploy.yml)."
        ]
    )
    lines = [
        f"# Generated by ./scripts/deploy from {settings.file} — do not edit; edit {settings.file}",
        "# and run ./scripts/deploy --config-only.",
        f"# Modules: {', '.join(required_modules(settings))}.",
        "",
    ]
    if settings.https and settings.port == 443:
        lines += [
            "<VirtualHost *:80>",
            f"    ServerName {settings.server_name}",
            f"    Redirect permanent / https://{settings.server_name}/",
            "</VirtualHost>",
            "",
        ]
    body = [
        f"ServerName {settings.server_name}",
        f"DocumentRoot {_q(docroot)}",
        "ServerSignature Off",
        "",
        *tls,
        *_oidc(settings, secrets_file),
        f"<Directory {_q(settings.root)}>",
        "    Options FollowSymLinks",
        "    AllowOverride None",
        "    DirectoryIndex index.html",
        "</Directory>",
        "",
        "# Who may read the site (access.mode: " + settings.mode + ").",
        '<Location "/">',
        *[f"    {line}" for line in _access_rule(settings)],
        *(["    AuthzSendForbiddenOnFailure On"] if settings.entra_id else []),
        "</Location>",
        "# The 403 page lives outside the releases, readable by a refused reader.",
        f"Alias {ERRORS_PATH} {_q(str(settings.errors_dir) + '/')}",
        f"<Directory {_q(settings.errors_dir)}>",
        "    Options None",
        "    AllowOverride None",
        "</Directory>",
        f'<Location "{ERRORS_PATH}">',
        *(["    AuthType None"] if settings.entra_id else []),
        "    Require all granted",
        "</Location>",
        f"ErrorDocument 403 {ERRORS_PATH}403.html",
        "ErrorDocument 404 /404.html",
        '<If "%{REQUEST_URI} =~ m#^/en(/|$)#">',
        "    ErrorDocument 404 /en/404.html",
        "</If>",
        "",
        "RewriteEngine On",
        "# Dotfiles (the release manifest, .git, …) are never served.",
        r'RewriteRule "(^|/)\." - [R=404,L]',
        "# Precompressed copies made by the deploy: .br, else .gz, else the file.",
        r'RewriteCond "%{HTTP:Accept-Encoding}" "\bbr\b"',
        r'RewriteCond "%{DOCUMENT_ROOT}%{REQUEST_URI}index.html.br" -f',
        r'RewriteRule "^(.*/)$" "$1index.html.br" [PT,L]',
        r'RewriteCond "%{HTTP:Accept-Encoding}" "\bgzip\b"',
        r'RewriteCond "%{DOCUMENT_ROOT}%{REQUEST_URI}index.html.gz" -f',
        r'RewriteRule "^(.*/)$" "$1index.html.gz" [PT,L]',
        r'RewriteCond "%{HTTP:Accept-Encoding}" "\bbr\b"',
        r'RewriteCond "%{DOCUMENT_ROOT}%{REQUEST_URI}.br" -f',
        r'RewriteRule "^(.+)$" "$1.br" [PT,L]',
        r'RewriteCond "%{HTTP:Accept-Encoding}" "\bgzip\b"',
        r'RewriteCond "%{DOCUMENT_ROOT}%{REQUEST_URI}.gz" -f',
        r'RewriteRule "^(.+)$" "$1.gz" [PT,L]',
        "",
        "# Types: .html.br is text/html with Content-Encoding br (mod_mime reads both).",
        "RemoveType .br .gz",
        "AddEncoding br .br",
        "AddEncoding gzip .gz",
        "AddType text/vtt .vtt",
        "AddType application/json .json",
        "AddType application/manifest+json .webmanifest",
        "AddType image/svg+xml .svg",
        "AddCharset utf-8 .html .css .js .json .vtt .svg .xml .txt .webmanifest",
        "",
        "# Security headers on every answer (error pages too).",
        f'Header always set Content-Security-Policy "{csp}"',
        'Header always set X-Content-Type-Options "nosniff"',
        'Header always set Referrer-Policy "same-origin"',
        'Header always set Permissions-Policy "camera=(), microphone=(), geolocation=(), '
        'payment=(), usb=(), fullscreen=(self)"',
        'Header always set X-Frame-Options "DENY"',
        *hsts,
        "",
        "# Caching: content-hashed and ?v=-versioned files forever, everything else",
        "# (pages, meta.json, unversioned files) revalidated on every use.",
        'Header set Cache-Control "no-cache"',
        'Header set Cache-Control "public, max-age=31536000, immutable" '
        f'"expr=%{{REQUEST_URI}} =~ m#{_HASHED_ASSET}# || '
        f'(%{{REQUEST_URI}} =~ m#{_VERSIONED}# && %{{QUERY_STRING}} =~ m#(^|&)v=[0-9A-Za-z]+#)"',
        'Header merge Vary "Accept-Encoding" '
        f'"expr=%{{REQUEST_URI}} =~ m#{_TEXT}# || %{{REQUEST_URI}} =~ m#/$#"',
    ]
    body += ["", *beacon.vhost_lines()]
    lines += beacon.server_lines(settings.beacon_log)
    port = settings.port
    lines += [
        f"<VirtualHost *:{port}>",
        *[f"    {line}" if line else "" for line in body],
        "</VirtualHost>",
        "",
    ]
    if scheme == "http" and settings.entra_id is not None:
        lines.insert(
            2,
            "# WARNING: sign-in over plain HTTP is for tests only; set tls: for the ward's server.",
        )
    return "\n".join(lines)


def render_secrets(settings: Settings) -> str:
    """The secret part (client secret, session passphrase), read from files or environment."""
    entra = settings.entra_id
    if entra is None:
        return ""
    secret = entra.client_secret.read(settings.file, "access.entra_id.client_secret")
    passphrase = entra.crypto_passphrase.read(settings.file, "access.entra_id.crypto_passphrase")
    return f"OIDCClientSecret {_q(secret)}\nOIDCCryptoPassphrase {_q(passphrase)}\n"


def forbidden_page(org: dict[str, Any]) -> str:
    """The Japanese 403 page (with an English line), naming the ward's helpdesk from org.yml."""
    text = {key: html.escape(str(lookup(org, key))) for key in _ORG_KEYS}
    return f"""<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>このページは区の職員だけが見られます</title>
<style>
body {{ font-family: system-ui, "Noto Sans CJK JP", sans-serif; max-width: 40rem;
       margin: 3rem auto; padding: 0 1rem; line-height: 1.8; color: #1a1a1a; background: #fff; }}
h1 {{ font-size: 1.5rem; }}
</style>
</head>
<body>
<main>
<h1>このページは区の職員だけが見られます</h1>
<p>このサイト（{text["site.name"]}）は、区役所のネットワーク（庁内の端末、テレワーク端末）から見られます。
区のアカウントでのサインインが有効な場合は、サインインすると見られます。</p>
<p>庁内の端末で見られないときは、{text["helpdesk.name"]}（内線 {text["helpdesk.extension"]}、
電話 {text["helpdesk.phone"]}）に連絡してください。</p>
<hr>
<p lang="en">This site is for ward staff only. Please open it from the ward's network,
or sign in with your ward account where sign-in is enabled.</p>
</main>
</body>
</html>
"""


_ORG_KEYS = ("site.name", "helpdesk.name", "helpdesk.extension", "helpdesk.phone")


def write_atomically(path: Path, text: str, mode: int) -> bool:
    """Write ``text`` to ``path`` (replace in one step); False when it was already so."""
    try:
        if path.read_text(encoding="utf-8") == text:
            path.chmod(mode)
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(tmp, mode)
    os.replace(tmp, path)
    return True


def secrets_path(settings: Settings) -> Path:
    return settings.root / "private" / "oidc-secrets.conf"


def write_server_files(settings: Settings, config_file: Path, script_hashes: Iterable[str]) -> bool:
    """Write the configuration, the secrets file and the 403 page.

    True when the configuration (or the secrets) changed, i.e. Apache must reload.
    """
    secrets = secrets_path(settings)
    changed = False
    if settings.entra_id is not None:
        secrets.parent.mkdir(parents=True, exist_ok=True)
        secrets.parent.chmod(0o700)
        changed |= write_atomically(secrets, render_secrets(settings), 0o600)
    org = load_org(ORG_FILE)
    write_atomically(settings.errors_dir / "403.html", forbidden_page(org), 0o644)
    settings.beacon_log.parent.mkdir(parents=True, exist_ok=True)
    settings.errors_dir.chmod(0o755)
    changed |= write_atomically(
        config_file, render_site_config(settings, script_hashes, secrets), 0o644
    )
    return changed
