package id.antre.server.announce;

import java.util.List;
import java.util.Objects;

/**
 * One call as it is shown and said.
 *
 * @param text  the sentence for the screen and for speech synthesis, e.g.
 *              "Nomor antrean A dua belas, silakan menuju loket tiga."
 * @param clips the recorded clips to play one after another, by name without extension, e.g.
 *              ["chime", "nomor-antrean", "a", "dua", "belas", "silakan-menuju", "loket", "tiga"]
 */
public record Announcement(String text, List<String> clips) {
  public Announcement {
    Objects.requireNonNull(text, "text");
    clips = List.copyOf(clips);
  }
}
