package dev.invoicebridge.vault;

import dev.invoicebridge.config.InvoicebridgeProperties;
import dev.invoicebridge.config.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The current master key (from INVOICEBRIDGE_SECURITY_MASTER_KEY, else a key file generated on
 * first start with owner-only permissions) and previous keys kept only to open old ciphertexts
 * during a rotation.
 */
@Component
public class MasterKeyring {
  private static final Logger log = LoggerFactory.getLogger(MasterKeyring.class);

  private final MasterKey current;
  private final List<MasterKey> previous;

  public MasterKeyring(InvoicebridgeProperties properties) {
    InvoicebridgeProperties.Security security = properties.security();
    if (security.masterKey() != null && !security.masterKey().isBlank()) {
      this.current = MasterKey.fromBase64(security.masterKey());
    } else {
      Path file =
          security.masterKeyFile() == null || security.masterKeyFile().toString().isBlank()
              ? properties.dataDir().resolve("master.key")
              : security.masterKeyFile();
      this.current = MasterKey.fromBase64(readOrCreate(file));
    }
    List<MasterKey> old = new ArrayList<>();
    for (String base64 : security.previousMasterKeys()) {
      old.add(MasterKey.fromBase64(base64));
    }
    this.previous = List.copyOf(old);
  }

  MasterKey current() {
    return current;
  }

  Optional<MasterKey> byId(String id) {
    if (current.id().equals(id)) {
      return Optional.of(current);
    }
    return previous.stream().filter(k -> k.id().equals(id)).findFirst();
  }

  /** Public id of the current key, for the settings page and rotation reports. */
  public String currentKeyId() {
    return current.id();
  }

  private static String readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
          OwnerOnlyFile.create(file, Base64.getEncoder().encodeToString(key) + "\n");
          log.info("Generated a new master key file at {} (owner read/write only)", file);
        } catch (FileAlreadyExistsException e) {
          // Another instance created it first; use theirs.
        }
      }
      warnIfShared(file);
      return Files.readString(file, StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the master key file " + file, e);
    }
  }

  private static void warnIfShared(Path file) throws IOException {
    if (OwnerOnlyFile.sharedWithOthers(file)) {
      log.warn("Master key file {} is readable by other users; run: chmod 600 {}", file, file);
    }
  }
}
