package app.rapport.providers.files;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an uploaded contact file to text. A byte-order mark wins; UTF-16 without one is recognised by
 * its zero bytes (macOS Contacts writes UTF-16BE without a mark); otherwise strict UTF-8, and when that
 * fails windows-1252, the charset older Outlook and Windows address books write.
 */
final class ContactText {
    private ContactText() {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    static String decode(byte[] bytes) {
        int n = bytes.length;
        if (n >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return stripBom(new String(bytes, 3, n - 3, StandardCharsets.UTF_8));
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return stripBom(new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE));
        }
        if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return stripBom(new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE));
        }
        Charset utf16 = guessUtf16(bytes);
        if (utf16 != null) return stripBom(new String(bytes, utf16));
        try {
            return stripBom(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return stripBom(new String(bytes, WINDOWS_1252));
        }
    }

    /** UTF-16 text in a Latin script has a zero in almost every high byte: even positions for BE, odd for LE. */
    private static Charset guessUtf16(byte[] bytes) {
        int pairs = Math.min(bytes.length, 4096) / 2;
        if (pairs < 4) return null;
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < pairs; i++) {
            if (bytes[2 * i] == 0) evenZeros++;
            if (bytes[2 * i + 1] == 0) oddZeros++;
        }
        if (evenZeros * 10 >= pairs * 6 && oddZeros * 10 < pairs) return StandardCharsets.UTF_16BE;
        if (oddZeros * 10 >= pairs * 6 && evenZeros * 10 < pairs) return StandardCharsets.UTF_16LE;
        return null;
    }

    static String stripBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    /** True for text that no contact export produces: NUL bytes or many other control characters. */
    static boolean looksBinary(String text) {
        int limit = Math.min(text.length(), 8192);
        int control = 0;
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (c == 0) return true;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') control++;
        }
        return control * 100 > limit;
    }
}
