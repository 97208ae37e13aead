package id.antre.server.stats;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The summary as a download: CSV (UTF-8 with a byte-order mark, so spreadsheet programs read the
 * names right; comma-separated, decimal point) and XLSX (Office Open XML written here: a workbook
 * is a zip of a few XML parts, which is less than a library brings).
 */
public final class Exports {
  public static final String CSV_TYPE = "text/csv; charset=utf-8";
  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  /** Column headings, Indonesian first as the report is. */
  static final List<String> HEADINGS = List.of("Kunci", "Nama", "Diambil", "Dilayani", "Tidak hadir", "Dibatalkan",
      "Dirujuk", "Kedaluwarsa", "Tunggu rata-rata (menit)", "Tunggu median", "Tunggu p90", "Tunggu maks",
      "Layanan rata-rata (menit)", "Layanan median", "Layanan p90", "Layanan maks", "Sesuai target (%)");

  private Exports() {
  }

  /** One line per row of the summary, each cell a String or a Number (null: empty). */
  static List<List<Object>> table(JsonObject summary) {
    List<List<Object>> out = new ArrayList<>();
    JsonArray rows = summary.getJsonArray("rows");
    for (int i = 0; i < rows.size(); i++) {
      JsonObject r = rows.getJsonObject(i);
      JsonObject w = r.getJsonObject("waitMinutes");
      JsonObject s = r.getJsonObject("serviceMinutes");
      List<Object> line = new ArrayList<>();
      line.add(r.getString("key"));
      line.add(r.getString("name"));
      for (String k : List.of("issued", "served", "noShow", "cancelled", "transferred", "expired")) {
        line.add(r.getLong(k));
      }
      for (JsonObject m : List.of(w, s)) {
        for (String k : List.of("mean", "p50", "p90", "max")) {
          line.add(m.getDouble(k));
        }
      }
      line.add(r.getDouble("withinTargetPct"));
      out.add(line);
    }
    return out;
  }

  public static byte[] csv(JsonObject summary) {
    StringBuilder b = new StringBuilder("\uFEFF");
    line(b, new ArrayList<>(HEADINGS));
    for (List<Object> row : table(summary)) {
      line(b, row);
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void line(StringBuilder b, List<Object> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        b.append(',');
      }
      Object c = cells.get(i);
      if (c instanceof Number n) {
        b.append(number(n));
      } else if (c != null) {
        String s = c.toString();
        // a cell that a spreadsheet would take for a formula is written as text
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) {
          s = "'" + s;
        }
        b.append('"').append(s.replace("\"", "\"\"")).append('"');
      }
    }
    b.append("\r\n");
  }

  private static String number(Number n) {
    if (n instanceof Double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }
    return n.toString();
  }

  public static byte[] xlsx(JsonObject summary, String sheetName) {
    StringBuilder sheet = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
    List<List<Object>> lines = new ArrayList<>();
    lines.add(new ArrayList<>(HEADINGS));
    lines.addAll(table(summary));
    for (int r = 0; r < lines.size(); r++) {
      sheet.append("<row r=\"").append(r + 1).append("\">");
      List<Object> cells = lines.get(r);
      for (int c = 0; c < cells.size(); c++) {
        Object v = cells.get(c);
        String ref = column(c) + (r + 1);
        if (v instanceof Number n) {
          sheet.append("<c r=\"").append(ref).append("\"><v>").append(number(n)).append("</v></c>");
        } else if (v != null) {
          sheet.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(xml(v.toString()))
              .append("</t></is></c>");
        }
      }
      sheet.append("</row>");
    }
    sheet.append("</sheetData></worksheet>");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      part(zip, "[Content_Types].xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
          <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
          <Default Extension="xml" ContentType="application/xml"/>\
          <Override PartName="/xl/workbook.xml" \
          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
          <Override PartName="/xl/worksheets/sheet1.xml" \
          ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
          </Types>""");
      part(zip, "_rels/.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" \
          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
          Target="xl/workbook.xml"/></Relationships>""");
      part(zip, "xl/workbook.xml", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
          xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
          <sheets><sheet name="SHEET" sheetId="1" r:id="rId1"/></sheets></workbook>"""
          .replace("SHEET", xml(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName)));
      part(zip, "xl/_rels/workbook.xml.rels", """
          <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
          <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
          <Relationship Id="rId1" \
          Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
          Target="worksheets/sheet1.xml"/></Relationships>""");
      part(zip, "xl/worksheets/sheet1.xml", sheet.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void part(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
  }

  /** 0 -> A, 25 -> Z, 26 -> AA. */
  static String column(int index) {
    StringBuilder s = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      s.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return s.toString();
  }

  private static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        default -> {
          if (ch >= 0x20 || ch == '\t' || ch == '\n' || ch == '\r') {
            b.append(ch);
          }
        }
      }
    }
    return b.toString();
  }
}
