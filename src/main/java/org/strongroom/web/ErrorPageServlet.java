package org.strongroom.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.strongroom.platform.ErrorCode;
import org.strongroom.platform.Settings;

/**
 * The error page (web.xml) for errors the servlet container answers before JAX-RS is reached: missing
 * or wrong credentials (401), no Strongroom role (403), and the like. Writes the same
 * {@code {"code","message","target"}} body as the API, so that clients see one error model — or, on a key
 * vault's own host, Azure's ({@link AzureErrors}).
 */
@WebServlet("/errors")
public class ErrorPageServlet extends HttpServlet {

    /**
     * A request attribute with the message of a refusal the container answers (e.g. the authentication
     * mechanism's 401 for wrong credentials); without it the message follows from the status.
     */
    public static final String MESSAGE_ATTRIBUTE = "org.strongroom.web.error.message";

    /** A request attribute with the {@link ErrorCode} of such a refusal, where the status alone does not tell it. */
    public static final String CODE_ATTRIBUTE = "org.strongroom.web.error.code";

    private static final long serialVersionUID = 1L;

    @Inject
    transient Settings settings;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object statusAttribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = statusAttribute instanceof Integer s ? s : response.getStatus();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String target = uri instanceof String path ? path : request.getRequestURI();
        ErrorCode code = request.getAttribute(CODE_ATTRIBUTE) instanceof ErrorCode given ? given : ErrorResponses.codeFor(status);
        String message = request.getAttribute(MESSAGE_ATTRIBUTE) instanceof String given ? given : switch (code) {
            case Unauthorized -> "Authentication required: send HTTP Basic credentials of a Strongroom user";
            case Forbidden -> "Your role does not allow this call";
            case NotFound -> "No resource at " + target;
            case MethodNotAllowed -> "Method not allowed on " + target;
            case UnsupportedMediaType -> "Send the body as application/json";
            case TooManyRequests -> "Too many requests: wait and try again";
            default -> status >= 500 ? "The server could not complete the request" : "The request was not valid";
        };
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        if (AzureErrors.apply(request, settings)) {
            AzureErrors.AzureError azure = AzureErrors.of(status, code, message, request.getMethod(), target);
            response.setStatus(azure.status());
            response.getWriter().write(azure.body().toString());
            return;
        }
        response.setStatus(status);
        response.getWriter().write(Json.createObjectBuilder()
                .add("code", code.name())
                .add("message", message)
                .add("target", target)
                .build()
                .toString());
    }
}
