package org.biochemsec2030.publishing;

import org.biochemsec2030.platform.test.ServiceStartsOnRealEngines;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublishingServiceApplicationIT extends ServiceStartsOnRealEngines {

}
