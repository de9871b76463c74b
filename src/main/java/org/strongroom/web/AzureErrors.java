package org.strongroom.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Settings;

/**
 * Errors as Azure Key Vault answers them, on a key vault's own host (the vault host form), where clients are
 * Azure SDKs: {@code {"error":{"code","message"}}}, with Azure's codes and, where Azure's status differs from
 * Strongroom's, Azure's — so that the SDKs raise the exceptions their users catch (401
 * {@code ClientAuthenticationException}, 404 {@code ResourceNotFoundException}, 409
 * {@code ResourceModifiedException}, others {@code HttpResponseException}). Elsewhere errors keep
 * Strongroom's {@code {"code","message","target"}}.
 */
public final class AzureErrors {

    private AzureErrors() {
    }

    /** An error in Azure's form: its status and body. */
    public record AzureError(int status, JsonObject body) {
    }

    /** Whether errors of {@code request} take Azure's form: it came to a key vault's own host. */
    public static boolean apply(HttpServletRequest request, Settings settings) {
        return KeyVaultUris.of(settings).keyVaultOfHost(request.getServerName()).isPresent();
    }

    /**
     * Strongroom's error as Azure answers it. {@code method} and {@code target} tell refusals apart that
     * Strongroom answers alike and Azure not: a purge refused under purge protection is 403 there.
     */
    public static AzureError of(int status, ErrorCode code, String message, String method, String target) {
        String azureCode = switch (code) {
            case Unauthorized -> "Unauthorized";
            case Forbidden, HttpsRequired, KeyDisabled, KeyExpired, KeyNotYetValid -> "Forbidden";
            case NotFound -> "KeyNotFound";
            case Conflict -> "Conflict";
            case MethodNotAllowed -> "MethodNotAllowed";
            case PayloadTooLarge -> "RequestTooLarge";
            case TooManyRequests -> "Throttled";
            case ServiceUnavailable -> "ServiceUnavailable";
            default -> status >= 500 ? "InternalServerError" : "BadParameter";
        };
        int azureStatus = switch (code) {
            case KeyDisabled, KeyExpired, KeyNotYetValid -> 403;
            default -> status;
        };
        boolean purgeRefused = status == 409 && "DELETE".equals(method) && target != null && target.matches("(.*/)?deletedkeys/.*");
        if (purgeRefused) {
            azureCode = "Forbidden";
            azureStatus = 403;
        }
        return new AzureError(azureStatus, Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder().add("code", azureCode).add("message", message))
                .build());
    }
}
