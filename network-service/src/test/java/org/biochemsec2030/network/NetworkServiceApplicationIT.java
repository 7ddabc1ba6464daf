package org.biochemsec2030.network;

import org.biochemsec2030.platform.test.ServiceStartsOnRealEngines;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class NetworkServiceApplicationIT extends ServiceStartsOnRealEngines {

}
