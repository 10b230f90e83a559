package fr.raccroche;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RaccrocheApplication {
  public static void main(String[] args) {
    SpringApplication.run(RaccrocheApplication.class, args);
  }
}
