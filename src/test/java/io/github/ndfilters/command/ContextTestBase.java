package io.github.ndfilters.command;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogMessage;
import org.scijava.log.LogService;

/**
 * Opens one small SciJava context for a test class and closes it afterwards,
 * runs commands in it and keeps what they logged.
 */
abstract class ContextTestBase
{
	static Context context;

	static final List< LogMessage > logged = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void openContext()
	{
		context = new Context( CommandService.class, LogService.class, StatusService.class );
		final LogService log = context.service( LogService.class );
		log.setLevel( LogLevel.INFO );
		log.addLogListener( logged::add );
	}

	@AfterAll
	static void closeContext()
	{
		context.dispose();
		context = null;
	}

	@BeforeEach
	void forgetLog()
	{
		logged.clear();
	}

	/** Runs a command with pre- and postprocessing, as a script would. */
	static CommandModule run( final Class< ? extends Command > command,
			final Object... inputs )
	{
		try
		{
			return context.service( CommandService.class ).run( command, true, inputs ).get();
		}
		catch ( final InterruptedException | ExecutionException e )
		{
			throw new AssertionError( "The command threw instead of reporting", e );
		}
	}

	/** @return the messages logged at the given level, one per line */
	static String logged( final int level )
	{
		return logged.stream().filter( m -> m.level() == level ).map( LogMessage::text )
				.collect( Collectors.joining( "\n" ) );
	}
}
