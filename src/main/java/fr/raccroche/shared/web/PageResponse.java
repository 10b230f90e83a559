package fr.raccroche.shared.web;

import java.util.List;
import org.springframework.data.domain.Page;

/** One page of a list, as the JSON APIs answer it. */
public record PageResponse<T>(
    List<T> content, int page, int size, long totalElements, int totalPages) {
  public static <T> PageResponse<T> of(Page<T> page) {
    return new PageResponse<>(
        page.getContent(),
        page.getNumber(),
        page.getSize(),
        page.getTotalElements(),
        page.getTotalPages());
  }
}
