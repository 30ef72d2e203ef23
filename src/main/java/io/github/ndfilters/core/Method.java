package io.github.ndfilters.core;

/**
 * How a filter computes its sums. Every method gives the same result within
 * the precision the filter promises; they differ only in speed. {@code AUTO}
 * picks the fastest for the kernel and image at hand.
 */
public enum Method
{
	AUTO( "auto" ),
	DIRECT( "direct" );

	private final String token;

	Method( final String token )
	{
		this.token = token;
	}

	public String token()
	{
		return token;
	}

	public static Method fromToken( final String token )
	{
		return Tokens.parse( values(), Method::token, token, "method" );
	}
}
