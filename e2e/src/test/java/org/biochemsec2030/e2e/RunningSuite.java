package org.biochemsec2030.e2e;

import java.io.IOException;

/**
 * The one running suite of this test JVM, shared by the e2e classes: starting five apps
 * takes minutes on our machines, so they start once. Whatever is still running when the
 * JVM exits is stopped then.
 */
final class RunningSuite {

	private static SuiteProcesses suite;

	private static RuntimeException failure;

	private RunningSuite() {
	}

	static synchronized SuiteProcesses get() throws IOException {
		if (failure != null) {
			throw new IllegalStateException("The suite did not start (see the first failing class)", failure);
		}
		if (suite == null) {
			SuiteProcesses starting = new SuiteProcesses();
			Runtime.getRuntime().addShutdownHook(new Thread(starting::close, "stop-suite"));
			try {
				suite = starting.start();
			}
			catch (RuntimeException ex) {
				failure = ex;
				starting.close();
				throw ex;
			}
		}
		return suite;
	}

}
