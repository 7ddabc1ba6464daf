package org.biochemsec2030.tracker;

import org.biochemsec2030.platform.test.ServiceStartsOnRealEngines;

import org.springframework.boot.test.context.SpringBootTest;

// Polling off: cached test contexts stay alive, and a poller in one would poll the sources
// other test classes add to the shared database.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "bcs.tracker.poller.enabled=false")
class TrackerServiceApplicationIT extends ServiceStartsOnRealEngines {

}
