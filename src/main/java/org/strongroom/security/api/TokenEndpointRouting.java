package org.strongroom.security.api;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The token endpoint answers where Entra ID's does, at the root: {@code /{tenant}/oauth2/v2.0/token},
 * {@code /{tenant}/v2.0/.well-known/openid-configuration} and {@code /{tenant}/discovery/v2.0/keys} are
 * forwarded to {@link TokenEndpointResource} ({@code /api/login/{tenant}/...}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TokenEndpointRouting extends HttpFilter {

    /** The paths, as Entra ID has them; the tenant is one path segment. */
    public static final Pattern PATHS = Pattern.compile(
            "/[A-Za-z0-9._-]{1,100}/(oauth2/v2\\.0/token|v2\\.0/\\.well-known/openid-configuration|discovery/v2\\.0/keys)");

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PATHS.matcher(path).matches() && !path.startsWith("/api/")) {
            request.getRequestDispatcher("/api/login" + path).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
