package io.github.ndfilters.core;

/**
 * The pixel type of a filter's result. {@code INPUT} keeps the input's type:
 * integer results are rounded half away from zero and saturated to the type's
 * range, never wrapped.
 */
public enum OutputType
{
	FLOAT32( "32-bit" ),
	FLOAT64( "64-bit" ),
	INPUT( "input" );

	private final String token;

	OutputType( final String token )
	{
		this.token = token;
	}

	public String token()
	{
		return token;
	}

	public static OutputType fromToken( final String token )
	{
		return Tokens.parse( values(), OutputType::token, token, "output type" );
	}
}
