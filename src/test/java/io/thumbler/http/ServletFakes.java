package io.thumbler.http;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Minimal servlet request and response stand-ins for filter tests (the API jar has no implementation); shared with the thumbnails package's filter tests. */
public final class ServletFakes {

    private ServletFakes() {
    }

    public static HttpServletRequest request(String method, String uri, Map<String, String> headers, Map<String, Object> attributes) {
        return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(), new Class<?>[] {HttpServletRequest.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri.replaceFirst(";jsessionid=[^/]*", "");
                    case "getContextPath" -> "";
                    // As Payara does: a ;jsessionid= in the path is taken out of it and remembered.
                    case "isRequestedSessionIdFromURL" -> uri.contains(";jsessionid=");
                    case "getRemoteAddr" -> "127.0.0.1";
                    case "getHeader" -> headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase((String) args[0]))
                            .map(Map.Entry::getValue).findFirst().orElse(null);
                    case "getAttribute" -> attributes.get((String) args[0]);
                    case "setAttribute" -> attributes.put((String) args[0], args[1]);
                    case "toString" -> method + " " + uri;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** A response that records status, headers and body. */
    public static final class Response {
        public int status = 200;
        public final Map<String, String> headers = new HashMap<>();
        public final StringWriter text = new StringWriter();
        public final ByteArrayOutputStream body = new ByteArrayOutputStream();
        public final HttpServletResponse servlet = (HttpServletResponse) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status = (int) args[0];
                        yield null;
                    }
                    case "getStatus" -> status;
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "setContentType" -> headers.put("Content-Type", (String) args[0]);
                    case "setContentLength" -> headers.put("Content-Length", Integer.toString((int) args[0]));
                    case "getCharacterEncoding" -> "UTF-8";
                    case "getWriter" -> new PrintWriter(text, true);
                    case "getOutputStream" -> new ServletOutputStream() {
                        @Override
                        public void write(int b) {
                            body.write(b);
                        }

                        @Override
                        public boolean isReady() {
                            return true;
                        }

                        @Override
                        public void setWriteListener(WriteListener listener) {
                        }
                    };
                    case "flushBuffer", "resetBuffer" -> null;
                    case "isCommitted" -> false;
                    case "toString" -> "response";
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
