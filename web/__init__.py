"""The web front: German pages for councillors, offices and reviewers, and the HTTP API.

A second thin front beside ``console/`` (docs/architecture.md): one :class:`bootstrap.Bootstrap`
per request, the same services, the same JSON documents as the CLI's ``--format json``.
Nothing imports this package but ``console/serve.py`` (``tracker serve``) and
``console/users.py`` (``tracker user``).

::

    app.py       the ASGI application: routes, security headers, errors as pages or JSON
    context.py   per request: the settings, the bootstrap, who is signed in, CSRF tokens
    accounts.py  local accounts, sessions, API tokens, the login limit (tables beside the log)
    params.py    reading query strings and forms, with German messages for bad input
    pages.py     the HTML pages and forms
    api.py       /api/..., /openapi.json, /healthz
    openapi.py   the OpenAPI document of the API
    render.py    the Jinja2 environment (autoescaping) and the German labels
    templates/   the pages; static/ the style sheet (no script anywhere: CSP ``script-src 'none'``)
"""
