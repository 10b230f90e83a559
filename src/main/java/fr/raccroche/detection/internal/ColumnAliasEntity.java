package fr.raccroche.detection.internal;

import fr.raccroche.pathway.LeaverSource;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A header that one source's files use for a canonical column, in one département (added by a
 * supervisor of that département).
 */
@Entity
@Table(name = "import_column_alias")
@IdClass(ColumnAliasEntity.Key.class)
public class ColumnAliasEntity {
  @Id
  @Column(name = "departement")
  private String departement;

  @Id
  @Enumerated(EnumType.STRING)
  @Column(name = "source")
  private LeaverSource source;

  @Id
  @Column(name = "header_folded")
  private String headerFolded;

  @Column(name = "column_name", nullable = false)
  private String columnName;

  @Column(name = "header", nullable = false)
  private String header;

  @Column(name = "position", nullable = false)
  private int position;

  @Column(name = "updated_by", nullable = false)
  private String updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ColumnAliasEntity() {}

  public ColumnAliasEntity(
      String departement,
      LeaverSource source,
      String columnName,
      String header,
      int position,
      String updatedBy,
      Instant updatedAt) {
    this.departement = departement;
    this.source = source;
    this.headerFolded = ColumnAliases.fold(header);
    this.columnName = columnName;
    this.header = header;
    this.position = position;
    this.updatedBy = updatedBy;
    this.updatedAt = updatedAt;
  }

  public LeaverSource getSource() {
    return source;
  }

  public String getColumnName() {
    return columnName;
  }

  public String getHeader() {
    return header;
  }

  public int getPosition() {
    return position;
  }

  /** The composite key: one header per source and département. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String departement;
    private LeaverSource source;
    private String headerFolded;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && java.util.Objects.equals(k.departement, departement)
          && k.source == source
          && java.util.Objects.equals(k.headerFolded, headerFolded);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(departement, source, headerFolded);
    }
  }
}
