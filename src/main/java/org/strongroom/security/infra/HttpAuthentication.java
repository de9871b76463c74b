package org.strongroom.security.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.KeyVaultUris;
import org.strongroom.platform.Roles;
import org.strongroom.platform.Settings;
import org.strongroom.platform.Timestamps;
import org.strongroom.security.app.AccessTokens;
import org.strongroom.security.app.LoginThrottle;
import org.strongroom.web.ErrorPageServlet;

/**
 * HTTP Basic authentication of users, and Bearer access tokens of service principals ({@link AccessTokens}).
 *
 * <p>Basic as Jakarta Security's built-in mechanism does it, with one difference: a
 * request sent by a script ({@code X-Requested-With: XMLHttpRequest}, as Strongroom's pages send) gets its
 * 401 without the {@code WWW-Authenticate} challenge, so that the browser shows the page's own sign-in
 * form and message instead of its login dialog. Credentials are checked against Strongroom's users
 * ({@link DatabaseIdentityStore}); web.xml says which paths need them. Failed logins are throttled per
 * user name and per client address ({@link LoginThrottle}): 429 with {@code Retry-After}, and a warning
 * in the server log when a limit is reached.
 *
 * <p>Credentials travel over HTTPS, or over plain HTTP from this machine only ({@link Transport}): from
 * another address, plain HTTP gets 403 {@code HttpsRequired} for any request with credentials or to a
 * protected path, and no challenge that would invite a password in clear. Every HTTPS answer carries
 * {@code Strict-Transport-Security}.
 *
 * <p>A valid Bearer token signs its service principal in with the one role {@code servicePrincipal}, which only
 * the key vaults' data plane allows. On a key vault's own host (the vault host form), a request without
 * credentials gets Azure Key Vault's challenge, which the Azure SDKs answer with a token:
 * {@code WWW-Authenticate: Bearer authorization="{authority}/{tenant}", resource="{resource}"}.
 */
@ApplicationScoped
public class HttpAuthentication implements HttpAuthenticationMechanism {

    static final String REALM = "Strongroom";

    private static final Logger LOG = Logger.getLogger(HttpAuthentication.class.getName());

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    LoginThrottle throttle;

    @Inject
    Settings settings;

    @Inject
    AccessTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", Transport.HSTS);
        } else if (!Transport.plainHttpAllowedFrom(request.getRemoteAddr()) && (header != null || context.isProtected())) {
            return httpsRequired(request, response, header != null);
        }
        String bearer = bearer(header);
        if (bearer != null) {
            return signInWithToken(bearer, request, response, context);
        }
        UsernamePasswordCredential credential = credential(header);
        if (credential != null) {
            String user = credential.getCaller();
            String address = request.getRemoteAddr();
            Optional<Duration> blocked = throttle.blocked(user, address, Timestamps.now());
            if (blocked.isPresent()) {
                return tooManyFailures(request, response, blocked.get());
            }
            CredentialValidationResult result = identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(user);
                return context.notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
            }
            if (throttle.failed(user, address, Timestamps.now())) {
                LOG.warning(() -> "Failed logins throttled: too many for user '" + user + "' or from " + address
                        + " within " + LoginThrottle.WINDOW.toSeconds() + " s; logins refused (429) until the window has passed");
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (credential == null && onVaultHost(request)) {
            return challenge(request, response, context, null);
        }
        return unauthorized(request, response, context, header, credential != null);
    }

    /** A service principal signs in with its access token, with the role that only the key data plane allows. */
    private AuthenticationStatus signInWithToken(String token, HttpServletRequest request, HttpServletResponse response,
                                                 HttpMessageContext context) {
        Optional<AccessTokens.Verified> verified = tokens.verify(token);
        if (verified.isPresent()) {
            return context.notifyContainerAboutLogin(new CallerPrincipal(verified.get().principalId()), Set.of(Roles.SERVICE_PRINCIPAL));
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        request.setAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE, "The access token is not valid here: expired, for another "
                + "resource or tenant, not signed by this server, or its service principal is gone");
        return challenge(request, response, context, "invalid_token");
    }

    /** Whether the request came to a key vault's own host, where clients are Azure SDKs. */
    private boolean onVaultHost(HttpServletRequest request) {
        return KeyVaultUris.of(settings).keyVaultOfHost(request.getServerName()).isPresent();
    }

    /** 401 with Azure Key Vault's Bearer challenge: where to get a token, and for which resource. */
    private AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                           String error) {
        if (request.getAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE) == null) {
            request.setAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE, "Authentication required: send a Bearer access token from "
                    + tokens.authority() + "/" + settings.tenantId() + " for " + KeyVaultUris.of(settings).resource());
        }
        response.setHeader("WWW-Authenticate", "Bearer authorization=\"" + tokens.authority() + "/" + settings.tenantId()
                + "\", resource=\"" + KeyVaultUris.of(settings).resource() + "\"" + (error == null ? "" : ", error=\"" + error + "\""));
        return context.responseUnauthorized();
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     HttpMessageContext context, String header, boolean credentialSent) {
        if (credentialSent) {
            // Which of the two was wrong is not told: that would help someone guessing user names.
            request.setAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE, "The user name or password is not correct");
        } else if (header != null) {
            request.setAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE, "The Authorization header is not usable: send HTTP "
                    + "Basic credentials (Authorization: Basic base64(user:password)) of a Strongroom user");
        }
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        }
        return context.responseUnauthorized();
    }

    private AuthenticationStatus httpsRequired(HttpServletRequest request, HttpServletResponse response, boolean sent) {
        String https = settings.httpsUrl(request.getServerName(), request.getRequestURI());
        request.setAttribute(ErrorPageServlet.CODE_ATTRIBUTE, ErrorCode.HttpsRequired);
        request.setAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE, "Strongroom takes credentials over plain HTTP only from "
                + "its own machine; from " + request.getRemoteAddr() + " use HTTPS: " + https
                + (sent ? ". The credentials just sent crossed the network in clear: change that password" : ""));
        return send(response, HttpServletResponse.SC_FORBIDDEN);
    }

    private static AuthenticationStatus send(HttpServletResponse response, int status) {
        try {
            response.sendError(status);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static AuthenticationStatus tooManyFailures(HttpServletRequest request, HttpServletResponse response, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        request.setAttribute(ErrorPageServlet.MESSAGE_ATTRIBUTE, "Too many failed logins for this user or from this "
                + "address: try again in " + seconds + " s");
        response.setHeader("Retry-After", Long.toString(seconds));
        return send(response, 429);
    }

    /** The token of a Bearer {@code Authorization} header; null when there is none. */
    static String bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** The user name and password of a Basic {@code Authorization} header; null when there is none or it is malformed. */
    static UsernamePasswordCredential credential(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
    }
}
