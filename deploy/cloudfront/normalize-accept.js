// CloudFront Function (runtime cloudfront-js-2.0), viewer request.
//
// Browsers send long, differing Accept headers; keyed on as they are, each browser version would
// get its own copy of every thumbnail at the edge. This function reduces Accept to one of three
// values before the cache key is computed, so the cache policy can key on Accept safely:
//
//   image/avif,image/webp,*/*   the viewer names AVIF explicitly (q > 0)
//   image/webp,*/*              it names WebP but not AVIF
//   */*                         anything else (image/* alone promises neither)
//
// It also answers 404 for Payara's /health and /metrics: they are for the operator's network,
// not for the public (Thumbler lets them through without the origin secret); and 400 for a path
// with a malformed percent-escape (`%zz`, a `%` at the end): Payara fails to decode those before
// any application code runs and answers an empty 200, which the edge would keep for a day.

function acceptedTypes(accept) {
    var types = {};
    var parts = accept.toLowerCase().split(',');
    for (var i = 0; i < parts.length; i++) {
        var params = parts[i].split(';');
        var type = params[0].trim();
        var q = 1;
        for (var j = 1; j < params.length; j++) {
            var kv = params[j].trim().split('=');
            if (kv[0] === 'q' && kv.length === 2) {
                q = parseFloat(kv[1]);
            }
        }
        if (type && q > 0) {
            types[type] = true;
        }
    }
    return types;
}

function normalizedAccept(accept) {
    var types = acceptedTypes(accept || '');
    if (types['image/avif']) {
        return 'image/avif,image/webp,*/*';
    }
    if (types['image/webp']) {
        return 'image/webp,*/*';
    }
    return '*/*';
}

function isServerEndpoint(uri) {
    return /^\/(health|metrics|openapi)(\/|$)/.test(uri);
}

function hasMalformedEscape(uri) {
    return /%(?![0-9A-Fa-f]{2})/.test(uri);
}

function handler(event) {
    var request = event.request;
    if (hasMalformedEscape(request.uri)) {
        return {
            statusCode: 400,
            statusDescription: 'Bad Request',
            headers: { 'cache-control': { value: 'public, max-age=300' } }
        };
    }
    if (isServerEndpoint(request.uri)) {
        return {
            statusCode: 404,
            statusDescription: 'Not Found',
            headers: { 'cache-control': { value: 'public, max-age=60' } }
        };
    }
    var accept = request.headers['accept'];
    request.headers['accept'] = { value: normalizedAccept(accept ? accept.value : '') };
    return request;
}
