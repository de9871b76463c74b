package org.strongroom.web;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The backup-jobs page also at {@code /jobs} (it is {@code index.html} at {@code /}): one page whose
 * script shows jobs, vaults and activity logs through the public REST API.
 */
@WebServlet(urlPatterns = "/jobs")
public class PagesServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        request.getRequestDispatcher("/index.html").forward(request, response);
    }
}
