package org.biochemsec2030.platform.security;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInvocation;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.PreAuthorizeAuthorizationManager;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A handler's {@code @PreAuthorize} checked before its arguments are read. Method
 * security runs when the method is called, which is after the body was parsed and
 * validated: a member posting an invalid mini-post learnt what a valid one looks like
 * (400) instead of being told it is not theirs to write (403), and a body was parsed for
 * nobody. The role check of the annotation runs here first; an expression that needs the
 * arguments cannot be decided without them and is left to method security, which still
 * checks every call.
 */
class AuthorizeFirst implements HandlerInterceptor {

	private final PreAuthorizeAuthorizationManager manager = new PreAuthorizeAuthorizationManager();

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !annotated(method)) {
			return true;
		}
		AuthorizationResult result;
		try {
			result = this.manager.authorize(SecurityContextHolder.getContext()::getAuthentication,
					new Unresolved(method));
		}
		catch (RuntimeException ex) {
			// The expression needs what only the call has (its arguments): decided there.
			return true;
		}
		if (result != null && !result.isGranted()) {
			throw new AccessDeniedException("Access Denied");
		}
		return true;
	}

	private static boolean annotated(HandlerMethod method) {
		return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
	}

	/** The handler's call as it will be made, before its arguments are known. */
	private record Unresolved(HandlerMethod handler) implements MethodInvocation {

		@Override
		public Method getMethod() {
			return this.handler.getMethod();
		}

		@Override
		public Object[] getArguments() {
			return new Object[this.handler.getMethod().getParameterCount()];
		}

		@Override
		public Object proceed() {
			throw new UnsupportedOperationException("Only checked, never called");
		}

		@Override
		public Object getThis() {
			return this.handler.getBean();
		}

		@Override
		public AccessibleObject getStaticPart() {
			return this.handler.getMethod();
		}

	}

}
