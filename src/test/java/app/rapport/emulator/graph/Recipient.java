package app.rapport.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A Graph recipient: {"emailAddress":{"name","address"}}. The name may be null. */
public record Recipient(String name, String address) {
    public static Recipient of(String address) {
        return new Recipient(null, address);
    }

    ObjectNode toJson() {
        ObjectNode r = Json.object();
        ObjectNode e = r.putObject("emailAddress");
        e.put("name", name != null ? name : address);
        e.put("address", address);
        return r;
    }

    static Recipient fromJson(JsonNode node) {
        if (node == null || node.isNull()) return null;
        JsonNode e = node.has("emailAddress") ? node.get("emailAddress") : node;
        String address = Json.text(e, "address");
        if (address == null) throw GraphError.badRequest("A recipient needs emailAddress.address");
        return new Recipient(Json.text(e, "name"), address);
    }

    boolean sameAddress(String other) {
        return other != null && address != null && address.equalsIgnoreCase(other);
    }
}
