package fr.raccroche.shared.web;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import fr.raccroche.shared.InvalidInputException;
import fr.raccroche.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every exception thrown by a REST controller into an {@link ApiError} with a French message.
 * Logs in English, without request bodies (they may hold personal data).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ApiExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e, HttpServletRequest request) {
    return error(HttpStatus.NOT_FOUND, e.getMessage(), request, List.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e, HttpServletRequest request) {
    return error(HttpStatus.NOT_FOUND, "Ressource introuvable.", request, List.of());
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e, HttpServletRequest request) {
    return error(
        HttpStatus.BAD_REQUEST,
        e.getMessage(),
        request,
        List.of(new ApiError.FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(fr.raccroche.shared.ConflictException.class)
  ResponseEntity<ApiError> conflict(
      fr.raccroche.shared.ConflictException e, HttpServletRequest request) {
    return error(
        HttpStatus.CONFLICT,
        e.getMessage(),
        request,
        e.field() == null
            ? List.of()
            : List.of(new ApiError.FieldError(e.field(), e.getMessage())));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalidBody(
      MethodArgumentNotValidException e, HttpServletRequest request) {
    List<ApiError.FieldError> fields =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> new ApiError.FieldError(f.getField(), f.getDefaultMessage()))
            .toList();
    return error(HttpStatus.BAD_REQUEST, "Données invalides.", request, fields);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request) {
    List<ApiError.FieldError> fields =
        e.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            err ->
                                new ApiError.FieldError(
                                    r.getMethodParameter().getParameterName(),
                                    err.getDefaultMessage())))
            .toList();
    return error(HttpStatus.BAD_REQUEST, "Paramètres invalides.", request, fields);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<ApiError> constraintViolation(
      ConstraintViolationException e, HttpServletRequest request) {
    List<ApiError.FieldError> fields =
        e.getConstraintViolations().stream()
            .map(
                v ->
                    new ApiError.FieldError(
                        lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .toList();
    return error(HttpStatus.BAD_REQUEST, "Paramètres invalides.", request, fields);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<ApiError> missingParameter(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    String message = "Le paramètre « " + e.getParameterName() + " » est obligatoire.";
    return error(
        HttpStatus.BAD_REQUEST,
        message,
        request,
        List.of(new ApiError.FieldError(e.getParameterName(), message)));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ApiError> typeMismatch(
      MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String message = "La valeur du paramètre « " + e.getName() + " » n'est pas valide.";
    Class<?> type = e.getRequiredType();
    if (type != null && type.isEnum()) {
      message +=
          " Valeurs possibles : "
              + java.util.Arrays.stream(type.getEnumConstants())
                  .map(Object::toString)
                  .collect(java.util.stream.Collectors.joining(", "))
              + ".";
    }
    return error(
        HttpStatus.BAD_REQUEST,
        message,
        request,
        List.of(new ApiError.FieldError(e.getName(), message)));
  }

  /**
   * An unreadable body: when Jackson knows which field it could not read (an unknown enum value, a
   * text where a number or a date is expected), the answer names it, with the accepted values.
   */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    if (e.getCause() instanceof MismatchedInputException mismatch
        && !mismatch.getPath().isEmpty()) {
      String field =
          mismatch.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(java.util.stream.Collectors.joining("."));
      Class<?> target = mismatch.getTargetType();
      String message = "La valeur du champ « " + field + " » n'est pas valide";
      if (target != null && target.isEnum()) {
        message +=
            " : valeurs possibles "
                + java.util.Arrays.stream(target.getEnumConstants())
                    .map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(", "))
                + ".";
      } else if (target != null && java.time.temporal.Temporal.class.isAssignableFrom(target)) {
        message += " : date attendue au format AAAA-MM-JJ.";
      } else if (target != null
          && (Number.class.isAssignableFrom(target)
              || (target.isPrimitive() && target != boolean.class))) {
        message += " : nombre attendu.";
      } else if (target == Boolean.class || target == boolean.class) {
        message += " : true ou false attendu.";
      } else {
        message += ".";
      }
      return error(
          HttpStatus.BAD_REQUEST,
          message,
          request,
          List.of(new ApiError.FieldError(field, message)));
    }
    return error(
        HttpStatus.BAD_REQUEST,
        "Le corps de la requête est illisible (JSON attendu).",
        request,
        List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> methodNotAllowed(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return error(
        HttpStatus.METHOD_NOT_ALLOWED, "Méthode HTTP non autorisée ici.", request, List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return error(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Type de contenu non pris en charge.",
        request,
        List.of());
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
    return error(
        HttpStatus.PAYLOAD_TOO_LARGE, "Le fichier est trop volumineux.", request, List.of());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ApiError> forbidden(AccessDeniedException e, HttpServletRequest request) {
    return error(
        HttpStatus.FORBIDDEN, "Vous n'avez pas accès à cette ressource.", request, List.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
    log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return error(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Une erreur interne est survenue. Réessayez ou contactez l'administrateur.",
        request,
        List.of());
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  static ResponseEntity<ApiError> error(
      HttpStatus status,
      String message,
      HttpServletRequest request,
      List<ApiError.FieldError> fields) {
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header("Cache-Control", "no-store")
        .body(
            new ApiError(
                "about:blank",
                frenchTitle(status),
                status.value(),
                message,
                request.getRequestURI(),
                fields.isEmpty() ? null : fields.get(0).field(),
                Instant.now(),
                status.getReasonPhrase(),
                message,
                request.getRequestURI(),
                fields));
  }

  /** A short French title per status (the {@code title} of the problem detail). */
  public static String frenchTitle(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "Requête invalide";
      case UNAUTHORIZED -> "Authentification requise";
      case FORBIDDEN -> "Accès refusé";
      case NOT_FOUND -> "Introuvable";
      case METHOD_NOT_ALLOWED -> "Méthode non autorisée";
      case CONFLICT -> "Conflit";
      case PAYLOAD_TOO_LARGE -> "Requête trop volumineuse";
      case UNSUPPORTED_MEDIA_TYPE -> "Type de contenu non pris en charge";
      case TOO_MANY_REQUESTS -> "Trop de tentatives";
      default -> status.is5xxServerError() ? "Erreur interne" : "Requête refusée";
    };
  }
}
