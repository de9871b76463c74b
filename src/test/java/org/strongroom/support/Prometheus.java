package org.strongroom.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The IT server's Prometheus scrape, on the management port, and the values in it. */
public final class Prometheus {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Prometheus() {
    }

    /** The scrape of the server whose application answers at {@code base}. */
    public static String scrape(URL base) {
        String url = "http://" + base.getHost() + ":" + System.getProperty("it.management.port", "10090") + "/prometheus";
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + answer.statusCode());
            }
            return answer.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The sum of {@code name}'s samples whose labels include all of {@code labels} (e.g. {@code status="Warning"}). */
    public static double metric(String scrape, String name, String... labels) {
        double sum = 0;
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean matches = true;
            for (String label : labels) {
                matches &= line.contains(label);
            }
            if (matches) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
