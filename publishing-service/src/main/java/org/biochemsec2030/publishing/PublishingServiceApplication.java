package org.biochemsec2030.publishing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PublishingServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(PublishingServiceApplication.class, args);
	}

}
