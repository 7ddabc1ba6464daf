package org.biochemsec2030.network;

import org.biochemsec2030.platform.test.ServiceStartsOnRealEngines;

@NetworkServiceTest
class NetworkServiceApplicationIT extends ServiceStartsOnRealEngines {

}
