package org.annft.spark;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * HTTP Basic authentication for Spark's web UIs, installed with Spark's own hook
 * ({@code spark.ui.filters=org.annft.spark.UiPasswordFilter}, the password file given as
 * {@code spark.org.annft.spark.UiPasswordFilter.param.password-file}): every request must carry the
 * user {@value #USER} and the password of that file (its first line), or it is answered 401. Spark
 * sees the user as the request's remote user, so its view and modify ACLs can name it. The file is
 * read once, when the UI starts; the comparison takes the same time whatever the guess.
 */
public final class UiPasswordFilter implements Filter {

    /** The user name the UIs expect. */
    public static final String USER = "annft";

    private byte[] expected;

    @Override
    public void init(FilterConfig config) throws ServletException {
        String file = config.getInitParameter("password-file");
        if (file == null || file.isBlank()) {
            throw new ServletException("UiPasswordFilter needs its parameter password-file");
        }
        try {
            String password = Files.readAllLines(Path.of(file), StandardCharsets.UTF_8).stream().findFirst()
                    .orElse("").strip();
            if (password.isEmpty()) {
                throw new ServletException("UiPasswordFilter: the password file " + file + " is empty");
            }
            expected = ("Basic " + Base64.getEncoder().encodeToString((USER + ":" + password)
                    .getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ServletException("UiPasswordFilter: cannot read the password file " + file + ": " + e, e);
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        String given = http.getHeader("Authorization");
        if (given != null && MessageDigest.isEqual(expected, given.strip().getBytes(StandardCharsets.UTF_8))) {
            chain.doFilter(new HttpServletRequestWrapper(http) {
                @Override
                public String getRemoteUser() {
                    return USER;
                }
            }, response);
            return;
        }
        HttpServletResponse refused = (HttpServletResponse) response;
        refused.setHeader("WWW-Authenticate", "Basic realm=\"annft\", charset=\"UTF-8\"");
        refused.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }

    @Override
    public void destroy() {
    }
}
