package org.strongroom.keyvault.api;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.strongroom.keyvault.app.KeyVaultAdministration;
import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Settings;
import org.strongroom.security.api.TokenEndpointRouting;
import org.strongroom.web.ErrorPageServlet;

/**
 * The vault host form of the key vaults ({@link KeyVaultUris}): a request to {@code https://{kv}.{domain}/keys/...}
 * or {@code .../deletedkeys/...} is served by the same resources as {@code /api/keyvaults/{kv}/keys/...}, forwarded
 * there with the key vault's name. On a vault host, requests must name an {@code api-version} an Azure SDK sends
 * (400 otherwise, as Azure answers), and nothing else than keys, deleted keys and the token endpoint answers.
 * Authentication has run before (the Bearer challenge is {@code HttpAuthentication}'s), and errors on a vault
 * host take Azure's error envelope ({@code web.AzureErrors}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class VaultHostRouting extends HttpFilter {

    /** Set on a request that came by the vault host form: the key vault's name. */
    public static final String KEY_VAULT_ATTRIBUTE = "org.strongroom.keyvault.vaultHost";

    /** The api-versions of Azure Key Vault's keys API that the current Azure SDKs send: 7.0 to 7.6, and 2025-07-01. */
    static final Set<String> API_VERSIONS = Set.of("7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "2025-07-01");

    static final String LATEST_API_VERSION = "2025-07-01";

    private static final Pattern DATA_PLANE = Pattern.compile("/(keys|deletedkeys)(/.*)?");

    private static final long serialVersionUID = 1L;

    @Inject
    transient Settings settings;

    @Inject
    transient KeyVaultAdministration keyVaults;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> host = KeyVaultUris.of(settings).keyVaultOfHost(request.getServerName());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (host.isEmpty() || TokenEndpointRouting.PATHS.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        if (!DATA_PLANE.matcher(path).matches()) {
            refuse(request, response, ErrorCode.NotFound, "A key vault host answers /keys and /deletedkeys only, not " + path);
            return;
        }
        String apiVersion = apiVersion(request.getQueryString());
        if (apiVersion == null || !API_VERSIONS.contains(apiVersion)) {
            refuse(request, response, ErrorCode.BadRequest, apiVersion == null
                    ? "The api-version query parameter is required (e.g. api-version=" + LATEST_API_VERSION + ")"
                    : "The specified version (" + apiVersion + ") is not recognized. Consider using the latest supported version ("
                    + LATEST_API_VERSION + ").");
            return;
        }
        String keyVault = keyVaults.canonicalName(host.get());
        request.setAttribute(KEY_VAULT_ATTRIBUTE, keyVault);
        request.getRequestDispatcher("/api/keyvaults/" + keyVault + path).forward(request, response);
    }

    /** The {@code api-version} of a query string, decoded; null when it has none. Read without touching the body. */
    static String apiVersion(String query) {
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("api-version=")) {
                return URLDecoder.decode(parameter.substring("api-version=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The URI of key vault {@code keyVault} in the form {@code request} came by, e.g. for the {@code nextLink} of a list. */
    static String keyVaultUri(HttpServletRequest request, KeyVaultUris uris, String keyVault) {
        return request.getAttribute(KEY_VAULT_ATTRIBUTE) != null ? uris.keyVault(keyVault) : uris.withoutDomain().keyVault(keyVault);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String message)
            throws IOException {
        request.setAttribute(ErrorPageServlet.CODE_ATTRIBUTE, code);
        request.setAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE, message);
        response.sendError(code.httpStatus());
    }
}
