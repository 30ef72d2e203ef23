package io.github.ndfilters.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.event.KeyEvent;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.scijava.Cancelable;

import ij.IJ;

class CommandMonitorTest
{
	/** A command that can be canceled and does nothing else. */
	private static final class Stub implements Cancelable
	{
		private String reason;

		@Override
		public boolean isCanceled()
		{
			return reason != null;
		}

		@Override
		public void cancel( final String why )
		{
			reason = why;
		}

		@Override
		public String getCancelReason()
		{
			return reason;
		}
	}

	@AfterEach
	void releaseEscape()
	{
		IJ.resetEscape();
	}

	@Test
	void cancelingTheCommandStopsTheFilter()
	{
		final Stub command = new Stub();
		final CommandMonitor monitor = new CommandMonitor( command, null, null, "test" );
		assertFalse( monitor.isCanceled() );
		command.cancel( "" );
		assertTrue( monitor.isCanceled() );
	}

	@Test
	void escapeDuringTheRunStopsItButAnEarlierEscapeDoesNot()
	{
		IJ.setKeyDown( KeyEvent.VK_ESCAPE );
		final CommandMonitor monitor = new CommandMonitor( new Stub(), null, null, "test" );
		assertFalse( monitor.isCanceled() );
		IJ.setKeyDown( KeyEvent.VK_ESCAPE );
		assertTrue( monitor.isCanceled() );
	}

	@Test
	void anInterruptedThreadStopsTheFilter()
	{
		final CommandMonitor monitor = new CommandMonitor( new Stub(), null, null, "test" );
		Thread.currentThread().interrupt();
		try
		{
			assertTrue( monitor.isCanceled() );
		}
		finally
		{
			// NB: clears the flag so that it cannot leak into other tests.
			Thread.interrupted();
		}
	}
}
