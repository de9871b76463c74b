package org.strongroom.restore.domain;

import java.io.StringReader;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;

/**
 * What a {@code Restore} job restores, as checked when it was requested and kept as the job's parameters:
 * the recovery point, the target path (a directory for {@code Files}, the image file for {@code Disk}, links
 * resolved), whether that is the item's original location (bounded by the source roots), the selected paths ({@code Files} only; empty = the whole tree), whether existing files may be replaced,
 * and the disk encryption set that seals a restored disk ({@code null}: the platform key), as SPEC 15
 * decided it when the restore was requested.
 */
public record RestoreRequest(String recoveryPoint, String targetPath, boolean originalLocation, List<String> paths,
                             boolean overwrite, String diskEncryptionSetId) {

    public RestoreRequest {
        paths = List.copyOf(paths);
    }

    public String toJson() {
        JsonArrayBuilder selected = Json.createArrayBuilder();
        paths.forEach(selected::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("recoveryPoint", recoveryPoint)
                .add("target", targetPath)
                .add("originalLocation", originalLocation)
                .add("paths", selected)
                .add("overwrite", overwrite);
        if (diskEncryptionSetId != null) {
            json.add("diskEncryptionSetId", diskEncryptionSetId);
        }
        return json.build().toString();
    }

    public static RestoreRequest fromJson(String parameters) {
        try (var reader = Json.createReader(new StringReader(parameters))) {
            JsonObject json = reader.readObject();
            return new RestoreRequest(json.getString("recoveryPoint"), json.getString("target"),
                    json.getBoolean("originalLocation", false), json.getJsonArray("paths").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList(),
                    json.getBoolean("overwrite"), json.getString("diskEncryptionSetId", null));
        }
    }
}
