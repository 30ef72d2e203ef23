package io.github.ndfilters.core;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the lower-case words that name the choices of this package's enums in
 * macros, dialogs and scripts.
 */
final class Tokens
{
	private Tokens()
	{}

	/**
	 * @param what
	 *            what the choice is called, for the error message
	 * @throws IllegalArgumentException
	 *             naming the accepted words if none matches
	 */
	static < E extends Enum< E > > E parse( final E[] choices, final Function< E, String > token,
			final String text, final String what )
	{
		final String wanted = text == null ? "" : text.trim().toLowerCase( Locale.ROOT );
		for ( final E choice : choices )
			if ( token.apply( choice ).equals( wanted ) )
				return choice;
		throw new IllegalArgumentException( "Unknown " + what + " '" + text + "'. Use one of: "
				+ list( choices, token ) + "." );
	}

	static < E extends Enum< E > > String list( final E[] choices,
			final Function< E, String > token )
	{
		return Arrays.stream( choices ).map( token ).collect( Collectors.joining( ", " ) );
	}
}
