package fr.raccroche.detection.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.RichTextString;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A workbook's table of shared strings, read once by SAX, handed to POI's {@code
 * XSSFSheetXMLHandler} as plain text. POI's own read-only table builds an XMLBeans rich text object
 * for every cell it is asked for, which made reading a 100,000-row sheet three times slower than
 * the rest of the import; the sheet handler only ever asks for the text. Phonetic runs ({@code
 * rPh}) are left out, as POI does; Excel's {@code _xHHHH_} escapes are decoded.
 */
final class SheetStrings implements SharedStrings {
  private final List<String> strings;

  private SheetStrings(List<String> strings) {
    this.strings = strings;
  }

  static SheetStrings read(OPCPackage pkg) throws IOException, SAXException {
    List<PackagePart> parts =
        pkg.getPartsByContentType(XSSFRelation.SHARED_STRINGS.getContentType());
    if (parts.isEmpty()) {
      return new SheetStrings(List.of());
    }
    Handler handler = new Handler();
    try (InputStream in = parts.get(0).getInputStream()) {
      XMLReader xml = XMLHelper.newXMLReader();
      xml.setContentHandler(handler);
      xml.parse(new InputSource(in));
    } catch (ParserConfigurationException e) {
      throw new SAXException(e);
    }
    return new SheetStrings(handler.strings);
  }

  /** The index {@link InlineStrings} gives the sheet handler for the inline string it holds. */
  static final int INLINE = -1;

  /** The text of the inline string cell being read (one at a time, on the parsing thread). */
  private String inline = "";

  @Override
  public RichTextString getItemAt(int idx) {
    if (idx == INLINE) {
      return new Text(inline);
    }
    return new Text(idx >= 0 && idx < strings.size() ? strings.get(idx) : "");
  }

  /**
   * Hands a sheet's inline strings ({@code <c t="inlineStr"><is><t>…</t></is></c>}, as POI's
   * streaming writer and many export tools write text) to the sheet handler as a shared string of
   * this table: the handler would otherwise build an XMLBeans rich text object per cell, the
   * largest cost of reading such a sheet.
   */
  static final class InlineStrings extends DefaultHandler {
    private final DefaultHandler handler;
    private final SheetStrings strings;
    private final StringBuilder text = new StringBuilder();
    private boolean inlineCell;
    private boolean capturing;
    private boolean inT;
    private boolean inPhonetic;

    InlineStrings(DefaultHandler handler, SheetStrings strings) {
      this.handler = handler;
      this.strings = strings;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      if (capturing) {
        if (localName.equals("t")) {
          inT = true;
        } else if (localName.equals("rPh")) {
          inPhonetic = true;
        }
        return;
      }
      if (localName.equals("c")) {
        inlineCell = "inlineStr".equals(attributes.getValue("t"));
        if (inlineCell) {
          org.xml.sax.helpers.AttributesImpl shared =
              new org.xml.sax.helpers.AttributesImpl(attributes);
          shared.setValue(shared.getIndex("t"), "s");
          handler.startElement(uri, localName, qName, shared);
          return;
        }
      } else if (inlineCell && localName.equals("is")) {
        capturing = true;
        text.setLength(0);
        return;
      }
      handler.startElement(uri, localName, qName, attributes);
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
      if (capturing) {
        switch (localName) {
          case "is" -> {
            capturing = false;
            strings.inline = decode(text.toString());
            String v = qName.contains(":") ? qName.substring(0, qName.indexOf(':') + 1) + "v" : "v";
            char[] index = String.valueOf(INLINE).toCharArray();
            handler.startElement(uri, "v", v, new org.xml.sax.helpers.AttributesImpl());
            handler.characters(index, 0, index.length);
            handler.endElement(uri, "v", v);
          }
          case "t" -> inT = false;
          case "rPh" -> inPhonetic = false;
          default -> {}
        }
        return;
      }
      if (localName.equals("c")) {
        inlineCell = false;
      }
      handler.endElement(uri, localName, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
      if (capturing) {
        if (inT && !inPhonetic) {
          text.append(ch, start, length);
        }
        return;
      }
      handler.characters(ch, start, length);
    }
  }

  @Override
  public int getCount() {
    return strings.size();
  }

  @Override
  public int getUniqueCount() {
    return strings.size();
  }

  private static final class Handler extends DefaultHandler {
    final List<String> strings = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private boolean inT;
    private boolean inPhonetic;

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes) {
      switch (localName) {
        case "si" -> text.setLength(0);
        case "t" -> inT = true;
        case "rPh" -> inPhonetic = true;
        default -> {}
      }
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      switch (localName) {
        case "si" -> strings.add(decode(text.toString()));
        case "t" -> inT = false;
        case "rPh" -> inPhonetic = false;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inT && !inPhonetic) {
        text.append(ch, start, length);
      }
    }
  }

  /** Excel writes some characters as {@code _xHHHH_} (a carriage return is {@code _x000D_}). */
  static String decode(String s) {
    int at = s.indexOf("_x");
    if (at < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (at >= 0) {
      out.append(s, i, at);
      if (at + 7 <= s.length() && s.charAt(at + 6) == '_' && isHex(s, at + 2, at + 6)) {
        out.append((char) Integer.parseInt(s.substring(at + 2, at + 6), 16));
        i = at + 7;
      } else {
        out.append("_x");
        i = at + 2;
      }
      at = s.indexOf("_x", i);
    }
    return out.append(s, i, s.length()).toString();
  }

  private static boolean isHex(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (Character.digit(s.charAt(k), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /** Only the text: the sheet handler asks for nothing else. */
  private record Text(String getString) implements RichTextString {
    @Override
    public void applyFont(int startIndex, int endIndex, short fontIndex) {}

    @Override
    public void applyFont(int startIndex, int endIndex, Font font) {}

    @Override
    public void applyFont(Font font) {}

    @Override
    public void clearFormatting() {}

    @Override
    public int length() {
      return getString.length();
    }

    @Override
    public int numFormattingRuns() {
      return 0;
    }

    @Override
    public int getIndexOfFormattingRun(int index) {
      return 0;
    }

    @Override
    public void applyFont(short fontIndex) {}

    /** The sheet handler reads a shared string's text with {@code toString()}. */
    @Override
    public String toString() {
      return getString;
    }
  }
}
