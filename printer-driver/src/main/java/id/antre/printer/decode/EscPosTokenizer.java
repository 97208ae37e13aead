package id.antre.printer.decode;

/**
 * Finds where each ESC/POS command ends, so a stream can be walked command by command without
 * mistaking parameters or image data for text. Commands it does not know are skipped as their
 * two-byte prefix; lengths follow the Epson ESC/POS reference.
 */
public final class EscPosTokenizer {

    /** Returned when the buffer ends inside a command. */
    public static final int INCOMPLETE = -1;

    private EscPosTokenizer() {
    }

    /**
     * The length in bytes of the command (or single text/control byte) starting at {@code off},
     * or {@link #INCOMPLETE} when {@code end} cuts it short.
     */
    public static int length(byte[] b, int off, int end) {
        int c = b[off] & 0xFF;
        return switch (c) {
            case 0x1B -> escLength(b, off, end);
            case 0x1D -> gsLength(b, off, end);
            case 0x10 -> dleLength(b, off, end);
            case 0x1C -> fsLength(b, off, end);
            default -> 1;
        };
    }

    private static int escLength(byte[] b, int off, int end) {
        if (end - off < 2) {
            return INCOMPLETE;
        }
        int cmd = b[off + 1] & 0xFF;
        return switch (cmd) {
            case '@', '2', '<', 'i', 'm', 'L', 'S', 'F' -> 2;
            case '!', '-', '3', 'E', 'G', 'J', 'M', 'R', 'V', 'a', 'd', 'e', 'r', 't', '{', ' ', 'T', 'U',
                 '%', '=', 'K', 'u', '?', 'I', 'f' -> need(off, end, 3);
            case '$', '\\', 'c' -> need(off, end, 4);
            case 'p' -> need(off, end, 5);
            case 'W' -> need(off, end, 10);
            case '*' -> bitImageLength(b, off, end);
            case 'D' -> terminatedLength(b, off, end, 2, 33);
            case '&' -> userCharsLength(b, off, end);
            case '(' -> parameterBlockLength(b, off, end, 3);
            default -> 2;
        };
    }

    private static int gsLength(byte[] b, int off, int end) {
        if (end - off < 2) {
            return INCOMPLETE;
        }
        int cmd = b[off + 1] & 0xFF;
        switch (cmd) {
            case '!', 'B', 'H', 'f', 'h', 'w', 'a', 'r', 'I', 'b', 'E', '/', 'T', 'J' -> {
                return need(off, end, 3);
            }
            case 'L', 'W', '$', '\\', 'P', 'D' -> {
                return need(off, end, 4);
            }
            case 'V' -> {
                if (end - off < 3) {
                    return INCOMPLETE;
                }
                int m = b[off + 2] & 0xFF;
                boolean withFeed = m == 65 || m == 66 || m == 97 || m == 98 || m == 103 || m == 104;
                return need(off, end, withFeed ? 4 : 3);
            }
            case 'k' -> {
                return barcodeLength(b, off, end);
            }
            case 'v' -> {
                if (end - off < 8) {
                    return INCOMPLETE;
                }
                int bytesPerRow = u16(b, off + 4);
                int rows = u16(b, off + 6);
                return need(off, end, 8 + bytesPerRow * rows);
            }
            case '(' -> {
                return parameterBlockLength(b, off, end, 3);
            }
            case '8' -> {
                // GS 8 L p1 p2 p3 p4 ...: a four-byte length.
                if (end - off < 7) {
                    return INCOMPLETE;
                }
                long len = (b[off + 3] & 0xFFL) | (b[off + 4] & 0xFFL) << 8 | (b[off + 5] & 0xFFL) << 16
                        | (b[off + 6] & 0xFFL) << 24;
                return len > Integer.MAX_VALUE - 7 ? 2 : need(off, end, 7 + (int) len);
            }
            case '*' -> {
                if (end - off < 4) {
                    return INCOMPLETE;
                }
                return need(off, end, 4 + (b[off + 2] & 0xFF) * (b[off + 3] & 0xFF) * 8);
            }
            default -> {
                return 2;
            }
        }
    }

    private static int dleLength(byte[] b, int off, int end) {
        if (end - off < 2) {
            return INCOMPLETE;
        }
        return switch (b[off + 1]) {
            case 0x04, 0x05 -> need(off, end, 3);
            case 0x14 -> need(off, end, 5);
            default -> 1;
        };
    }

    private static int fsLength(byte[] b, int off, int end) {
        if (end - off < 2) {
            return INCOMPLETE;
        }
        int cmd = b[off + 1] & 0xFF;
        return switch (cmd) {
            case '!', 'C', 'W', '-' -> need(off, end, 3);
            case 'p', 'S' -> need(off, end, 4);
            case '(' -> parameterBlockLength(b, off, end, 3);
            default -> 2;
        };
    }

    /** {@code PREFIX X pL pH d1..dk}: five bytes of header, then {@code pL + 256 pH} bytes. */
    private static int parameterBlockLength(byte[] b, int off, int end, int lengthAt) {
        if (end - off < lengthAt + 2) {
            return INCOMPLETE;
        }
        return need(off, end, lengthAt + 2 + u16(b, off + lengthAt));
    }

    /** {@code ESC * m nL nH d1..dk}: 8-dot modes take k = n bytes, 24-dot modes 3n. */
    private static int bitImageLength(byte[] b, int off, int end) {
        if (end - off < 5) {
            return INCOMPLETE;
        }
        int m = b[off + 2] & 0xFF;
        int n = u16(b, off + 3);
        return need(off, end, 5 + (m == 32 || m == 33 ? 3 * n : n));
    }

    /** {@code GS k m ...}: function A (m 0..6) ends with NUL, function B (m 65..) has a length byte. */
    private static int barcodeLength(byte[] b, int off, int end) {
        if (end - off < 3) {
            return INCOMPLETE;
        }
        int m = b[off + 2] & 0xFF;
        if (m <= 6) {
            return terminatedLength(b, off, end, 3, 256);
        }
        if (end - off < 4) {
            return INCOMPLETE;
        }
        return need(off, end, 4 + (b[off + 3] & 0xFF));
    }

    /** {@code ESC & y c1 c2 [x d1..d(y*x)]...}: user-defined characters, one block per code. */
    private static int userCharsLength(byte[] b, int off, int end) {
        if (end - off < 5) {
            return INCOMPLETE;
        }
        int y = b[off + 2] & 0xFF;
        int first = b[off + 3] & 0xFF;
        int last = b[off + 4] & 0xFF;
        int pos = off + 5;
        for (int code = first; code <= last; code++) {
            if (pos >= end) {
                return INCOMPLETE;
            }
            pos += 1 + y * (b[pos] & 0xFF);
        }
        return pos > end ? INCOMPLETE : pos - off;
    }

    /** Bytes up to and including a NUL found within {@code max} bytes of the header. */
    private static int terminatedLength(byte[] b, int off, int end, int header, int max) {
        for (int i = off + header; i < end && i < off + header + max; i++) {
            if (b[i] == 0) {
                return i - off + 1;
            }
        }
        return end - off >= header + max ? header + max : INCOMPLETE;
    }

    private static int need(int off, int end, int length) {
        return end - off >= length ? length : INCOMPLETE;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }
}
