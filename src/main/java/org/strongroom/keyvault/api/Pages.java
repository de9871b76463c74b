package org.strongroom.keyvault.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import org.strongroom.keyvault.api.KeyDtos.Page;
import org.strongroom.platform.StrongroomException;

/**
 * Azure Key Vault's paging of lists: {@code maxresults} (1 to 25, 25 when absent) items a page, and a
 * {@code nextLink} to the next page that carries an opaque {@code $skiptoken} — the position of the page's
 * last item, so that a page never repeats or skips an item that was there before and after.
 */
final class Pages {

    static final int MAX_RESULTS = 25;

    private Pages() {
    }

    /**
     * The page of {@code all} (in the order of {@code position}, which is unique per item) that the
     * request's {@code maxresults} and {@code $skiptoken} ask for, with the link to the next one, under
     * {@code keyVaultUri}: the key vault's URI in the form the request came by.
     */
    static <V, T> Page<T> page(List<V> all, Function<V, String> position, Function<V, T> item, UriInfo request,
                               String keyVaultUri) {
        int most = maxResults(request.getQueryParameters().getFirst("maxresults"));
        String after = after(request.getQueryParameters().getFirst("$skiptoken"));
        List<V> rest = after == null ? all : all.stream().filter(v -> position.apply(v).compareTo(after) > 0).toList();
        List<V> page = rest.subList(0, Math.min(most, rest.size()));
        String nextLink = rest.size() > most ? nextLink(request, keyVaultUri, position.apply(page.get(page.size() - 1))) : null;
        return new Page<>(page.stream().map(item).toList(), nextLink);
    }

    private static int maxResults(String text) {
        if (text == null || text.isBlank()) {
            return MAX_RESULTS;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_RESULTS) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw StrongroomException.badRequest("'maxresults' must be a whole number from 1 to " + MAX_RESULTS, "maxresults");
    }

    private static String after(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StrongroomException.badRequest("'$skiptoken' is not one this key vault gave out", "$skiptoken");
        }
    }

    private static String nextLink(UriInfo request, String keyVaultUri, String lastPosition) {
        // The request's path is keyvaults/{kv}/...: what follows the key vault goes under its URI.
        String path = request.getPath().replaceFirst("^/?keyvaults/[^/]+", "");
        UriBuilder next = UriBuilder.fromUri(keyVaultUri).path(path);
        request.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("$skiptoken")) {
                next.queryParam(name, values.toArray());
            }
        });
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(lastPosition.getBytes(StandardCharsets.UTF_8));
        return next.queryParam("$skiptoken", token).build().toString();
    }
}
