package org.biochemsec2030.content;

import org.biochemsec2030.platform.test.ServiceStartsOnRealEngines;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentServiceApplicationIT extends ServiceStartsOnRealEngines {

}
