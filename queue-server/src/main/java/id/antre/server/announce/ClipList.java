package id.antre.server.announce;

/**
 * Prints the clips a voice pack needs, one "name&lt;TAB&gt;spoken text" line each, for
 * {@code scripts/generate-voice-clips}. The chime has no spoken text: it is synthesised.
 */
public final class ClipList {
  private ClipList() {
  }

  public static void main(String[] args) {
    StringBuilder out = new StringBuilder();
    for (String clip : AnnouncementBuilder.allClipNames()) {
      String spoken = clip.equals("chime") ? "" : clip.replace('-', ' ');
      out.append(clip).append('\t').append(spoken).append('\n');
    }
    System.out.print(out);
  }
}
