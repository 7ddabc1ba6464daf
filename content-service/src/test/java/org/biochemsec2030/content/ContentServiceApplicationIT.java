package org.biochemsec2030.content;

import org.biochemsec2030.platform.test.ServiceStartsOnRealEngines;

/** Same configuration as the other integration tests: one application for all of them. */
@ContentServiceTest
class ContentServiceApplicationIT extends ServiceStartsOnRealEngines {

}
